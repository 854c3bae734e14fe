using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Policies;
using static EscalationFlows.Escalations.Tests.Sla.Support.At;

namespace EscalationFlows.Escalations.Tests.Sla;

public sealed class SlaPolicyTests
{
    [Fact]
    public void The_default_policy_and_calendars_are_valid()
    {
        Assert.Empty(SlaDefaults.Policy.Validate());
        Assert.Empty(SlaDefaults.BusinessHoursCalendar("Europe/Berlin").Validate());
        Assert.Empty(SlaDefaults.TwentyFourSevenCalendar().Validate());
        Assert.Equal(SlaDefaults.BusinessHoursCalendarId, SlaDefaults.Policy.CalendarId);
        Assert.Equal(H(40), BusinessCalendar.FromDefinition(SlaDefaults.BusinessHoursCalendar()).WeeklyBusinessTime);
    }

    [Theory]
    [InlineData(1, null, 15, 240)]
    [InlineData(2, null, 30, 480)]
    [InlineData(3, null, 120, 1440)]
    [InlineData(4, null, 480, 2400)]
    [InlineData(5, null, 960, 4800)]
    [InlineData(1, "platinum", 10, 120)]
    [InlineData(1, "PLATINUM", 10, 120)]
    [InlineData(4, "platinum", 480, 2400)]
    [InlineData(2, "gold", 30, 480)]
    public void A_tier_target_overrides_the_priority_default_and_falls_back_to_it(int priority, string? tier, int responseMinutes, int resolutionMinutes)
    {
        var policy = SlaDefaults.Policy;

        Assert.Equal(Min(responseMinutes), policy.TargetFor(SlaMetric.Response, priority, tier));
        Assert.Equal(Min(resolutionMinutes), policy.TargetFor(SlaMetric.Resolution, priority, tier));
    }

    [Fact]
    public void An_unknown_priority_fails_with_a_message()
    {
        var error = Assert.Throws<ArgumentException>(() => SlaDefaults.Policy.TargetFor(SlaMetric.Response, 9));

        Assert.StartsWith("The SLA policy 'standard' has no target for priority 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pause_statuses_are_matched_ignoring_case_and_give_the_ledger_reason()
    {
        Assert.Equal("awaiting client", SlaDefaults.Policy.PauseReasonFor("awaiting-client"));
        Assert.Equal("on hold by client", SlaDefaults.Policy.PauseReasonFor("On-Hold-By-Client"));
        Assert.Null(SlaDefaults.Policy.PauseReasonFor("in-progress"));
        Assert.Null(SlaDefaults.Policy.PauseReasonFor(null));
    }

    [Fact]
    public void Omitted_pause_conditions_and_thresholds_take_the_defaults_and_empty_lists_mean_none()
    {
        var omitted = WorkflowJson.Deserialize<SlaPolicy>(PolicyJson(string.Empty))!;
        var empty = WorkflowJson.Deserialize<SlaPolicy>(PolicyJson(""","pauseConditions":[],"thresholds":[]"""))!;

        Assert.Empty(omitted.Validate());
        Assert.Equal([50, 75, 90, 100], omitted.Thresholds.Select(t => t.Percent));
        Assert.Equal(["warn", "warn", "escalate", "breach"], omitted.Thresholds.Select(t => t.Action));
        Assert.Equal(["awaiting-client", "on-hold-by-client"], omitted.PauseConditions.Select(c => c.Status));
        Assert.Empty(empty.Validate());
        Assert.Empty(empty.Thresholds);
        Assert.Empty(empty.PauseConditions);
    }

    [Fact]
    public void The_default_policy_round_trips_through_json()
    {
        var json = WorkflowJson.Serialize(SlaDefaults.Policy);
        var again = WorkflowJson.Deserialize<SlaPolicy>(json)!;

        Assert.Contains("\"tier\":\"platinum\"", json, StringComparison.Ordinal);
        Assert.Equal(json, WorkflowJson.Serialize(again));
        Assert.Empty(again.Validate());
    }

    [Fact]
    public void Every_problem_is_reported_with_a_json_pointer_and_a_plain_sentence()
    {
        var policy = new SlaPolicy
        {
            Id = "p",
            Name = "Policy",
            Version = 0,
            CalendarId = "",
            Targets =
            [
                new() { Priority = 6, ResponseMinutes = 10, ResolutionMinutes = 20 },
                new() { Priority = 1, ResponseMinutes = 300, ResolutionMinutes = 240 },
                new() { Priority = 1, ResponseMinutes = 10, ResolutionMinutes = 240 },
                new() { Priority = 2, ResponseMinutes = 0, ResolutionMinutes = 240 },
                new() { Priority = 2, Tier = "plat inum", ResponseMinutes = 10, ResolutionMinutes = 240 },
                new() { Priority = 3, ResponseMinutes = 10, ResolutionMinutes = 240 },
                new() { Priority = 4, ResponseMinutes = 10, ResolutionMinutes = 240 },
            ],
            PauseConditions =
            [
                new() { Status = "awaiting-client", Reason = "" },
                new() { Status = "Awaiting-Client", Reason = "again" },
            ],
            Thresholds =
            [
                new() { Percent = 0, Name = "zero", Action = "warn" },
                new() { Percent = 50, Name = "half", Action = "Warn!" },
                new() { Percent = 50, Name = "", Action = "" },
            ],
        };

        var errors = policy.Validate();

        AssertError(errors, "/version", SlaErrorCodes.OutOfRange, "The version must be 1 or more (it is 0).");
        AssertError(errors, "/calendarId", SlaErrorCodes.Required, "The calendar id is required.");
        AssertError(errors, "/targets/0/priority", SlaErrorCodes.OutOfRange, "The priority must be 1 to 5 (it is 6).");
        AssertError(errors, "/targets/1/responseMinutes", SlaErrorCodes.Inconsistent, "The response target (300 min) is longer than the resolution target (240 min).");
        AssertError(errors, "/targets/2", SlaErrorCodes.Duplicate, "Priority 1 without a tier already has a target at /targets/1.");
        AssertError(errors, "/targets/3/responseMinutes", SlaErrorCodes.OutOfRange, $"The response target must be 1 to {SlaPolicyValidator.MaxTargetMinutes} business minutes (it is 0).");
        AssertError(errors, "/targets/4/tier", SlaErrorCodes.InvalidFormat, "The client tier 'plat inum' must be 1 to 100 characters of letters, digits, '.', '_' or '-', starting with a letter or digit.");
        Assert.Contains(errors, e => e.Pointer == "/targets" && e.Message == "There is no default target (one without a tier) for priority 5.");
        AssertError(errors, "/pauseConditions/0/reason", SlaErrorCodes.Required, "The pause reason is required.");
        AssertError(errors, "/pauseConditions/1/status", SlaErrorCodes.Duplicate, "The status 'Awaiting-Client' already pauses the clock at /pauseConditions/0.");
        AssertError(errors, "/thresholds/0/percent", SlaErrorCodes.OutOfRange, "The percentage must be 1 to 1000 (it is 0).");
        AssertError(errors, "/thresholds/1/action", SlaErrorCodes.InvalidFormat, "The action label 'Warn!' must be lowercase letters, digits and '-', starting with a letter (for example warn, escalate or breach).");
        AssertError(errors, "/thresholds/2/percent", SlaErrorCodes.Duplicate, "There is already a 50 % threshold at /thresholds/1.");
        AssertError(errors, "/thresholds/2/name", SlaErrorCodes.Required, "The threshold name is required.");
        AssertError(errors, "/thresholds/2/action", SlaErrorCodes.Required, "The action label is required, for example warn, escalate or breach.");

        // Nothing else: priority 2's default exists (its invalid minutes are reported once, above).
        Assert.Equal(15, errors.Count);
    }

    [Fact]
    public void An_empty_tier_is_reported_with_a_hint()
    {
        var policy = SlaDefaults.Policy with { Targets = [.. SlaDefaults.Policy.Targets, new() { Priority = 5, Tier = " ", ResponseMinutes = 1, ResolutionMinutes = 2 }] };

        var error = Assert.Single(policy.Validate());

        Assert.Equal("/targets/8/tier", error.Pointer);
        Assert.Equal("The client tier is empty; omit it for the priority's default target.", error.Message);
    }

    private static string PolicyJson(string extra) =>
        $$"""
        {"id":"small","name":"Small","version":2,"calendarId":"24x7","targets":[
          {"priority":1,"responseMinutes":15,"resolutionMinutes":240},
          {"priority":2,"responseMinutes":30,"resolutionMinutes":480},
          {"priority":3,"responseMinutes":60,"resolutionMinutes":960},
          {"priority":4,"responseMinutes":60,"resolutionMinutes":1440},
          {"priority":5,"responseMinutes":60,"resolutionMinutes":2880}]{{extra}}}
        """;

    private static void AssertError(IReadOnlyList<DefinitionError> errors, string pointer, string code, string message)
    {
        var error = Assert.Single(errors, e => e.Pointer == pointer);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }
}
