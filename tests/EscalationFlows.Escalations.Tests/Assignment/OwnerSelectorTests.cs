using EscalationFlows.Escalations.Assignment;
using EscalationFlows.Escalations.Storage;

namespace EscalationFlows.Escalations.Tests.Assignment;

/// <summary>The three assignment strategies as the pure functions AssignOwner calls.</summary>
public sealed class OwnerSelectorTests
{
    private static readonly DirectoryUser Ann = new() { Id = "u-ann", Email = "ann@x", DisplayName = "Ann", Skills = ["crm"] };
    private static readonly DirectoryUser Bob = new() { Id = "u-bob", Email = "bob@x", DisplayName = "Bob" };
    private static readonly DirectoryUser Cy = new() { Id = "u-cy", Email = "cy@x", DisplayName = "Cy", Skills = ["CRM ", "erp"] };
    private static readonly DirectoryTeam Applications = new() { Name = "Applications", Skills = ["crm", "erp", "billing"], Members = [Cy, Ann, Bob] };

    [Fact]
    public void Round_robin_takes_members_in_user_id_order_and_wraps_around()
    {
        var picks = new List<string>();
        string? last = null;
        for (var i = 0; i < 4; i++)
        {
            var decision = OwnerSelector.RoundRobin(Applications, last)!;
            picks.Add(decision.Owner.Id);
            last = decision.Owner.Id;
        }

        Assert.Equal(["u-ann", "u-bob", "u-cy", "u-ann"], picks);
        Assert.Equal("u-ann", OwnerSelector.RoundRobin(Applications, "u-zed-left-the-team")!.Owner.Id);
        Assert.Null(OwnerSelector.RoundRobin(new DirectoryTeam { Name = "Empty" }, null));
    }

    [Fact]
    public void Least_loaded_takes_the_member_with_the_fewest_open_escalations_ties_by_user_id()
    {
        var decision = OwnerSelector.LeastLoaded(Applications, new Dictionary<string, int> { ["u-ann"] = 3, ["u-bob"] = 1, ["u-cy"] = 1 })!;

        Assert.Equal(("u-bob", AssignmentStrategies.LeastLoaded), (decision.Owner.Id, decision.Strategy));
        Assert.Contains("1 open escalation", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(["u-ann", "u-bob", "u-cy"], decision.Candidates);
    }

    [Fact]
    public void Skills_prefers_members_with_the_category_as_a_skill_and_falls_back_to_the_whole_team()
    {
        var load = new Dictionary<string, int> { ["u-ann"] = 2, ["u-bob"] = 0, ["u-cy"] = 1 };

        var crm = OwnerSelector.BySkills(Applications, "crm", load)!;
        Assert.Equal(("u-cy", AssignmentStrategies.Skills), (crm.Owner.Id, crm.Strategy));
        Assert.Equal(["u-ann", "u-cy"], crm.Candidates);
        Assert.StartsWith("has the skill 'crm' (2 of 3 members)", crm.Reason, StringComparison.Ordinal);

        var billing = OwnerSelector.BySkills(Applications, "billing", load)!;
        Assert.Equal("u-bob", billing.Owner.Id);
        Assert.StartsWith("nobody in Applications lists the skill 'billing' (the team covers it)", billing.Reason, StringComparison.Ordinal);
    }
}
