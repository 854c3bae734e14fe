using EscalationFlows.Escalations.Tickets;

namespace EscalationFlows.Escalations.Tests.Tickets;

public sealed class TicketValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static TicketRegistration Valid => new()
    {
        Source = "zendesk",
        ExternalId = "#4711",
        Client = "Acme GmbH",
        Priority = 2,
        OpenedAt = Now.AddHours(-1),
        Title = "Printer on fire",
    };

    [Fact]
    public void A_complete_registration_is_valid_and_every_missing_field_is_named()
    {
        Assert.Empty(TicketValidator.Validate(Valid, Now));

        var errors = TicketValidator.Validate(new TicketRegistration(), Now);

        Assert.Equal(["/client", "/externalId", "/openedAt", "/priority", "/source", "/title"], errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Equal("required", e.Code));
    }

    [Fact]
    public void Times_in_the_future_beyond_the_clock_skew_and_responses_before_the_opening_are_refused()
    {
        Assert.Empty(TicketValidator.Validate(Valid with { OpenedAt = Now + TicketValidator.AllowedClockSkew }, Now));

        var errors = TicketValidator.Validate(Valid with { OpenedAt = Now.AddMinutes(6), RespondedAt = Now.AddMinutes(-1) }, Now);

        Assert.Equal([("/openedAt", "out-of-range"), ("/respondedAt", "inconsistent")], errors.Select(e => (e.Pointer, e.Code)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void The_priority_is_1_to_5(int priority)
    {
        var error = Assert.Single(TicketValidator.Validate(Valid with { Priority = priority }, Now));

        Assert.Equal(("/priority", "out-of-range"), (error.Pointer, error.Code));
    }

    [Fact]
    public void Identifiers_must_be_plain_and_an_update_must_change_something()
    {
        var errors = TicketValidator.Validate(Valid with { Source = "zen desk", Status = "waiting on client", PolicyId = "", Tier = "gold!" }, Now);
        Assert.Equal(["/policyId", "/source", "/status", "/tier"], errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));

        Assert.Equal(string.Empty, Assert.Single(TicketValidator.Validate(new TicketUpdate { At = Now }, Now)).Pointer);
        Assert.Empty(TicketValidator.Validate(new TicketUpdate { Tier = string.Empty }, Now));
        Assert.Equal("/at", Assert.Single(TicketValidator.Validate(new TicketUpdate { Status = "open", At = Now.AddHours(1) }, Now)).Pointer);
    }

    [Theory]
    [InlineData("new", false, false)]
    [InlineData("OPEN", false, false)]
    [InlineData("in-progress", true, false)]
    [InlineData("awaiting-client", true, false)]
    [InlineData("resolved", true, true)]
    [InlineData("Closed", true, true)]
    public void Statuses_count_as_a_response_or_stop_the_clocks(string status, bool response, bool stops)
    {
        Assert.Equal((response, stops), (TicketStatuses.CountsAsResponse(status), TicketStatuses.StopsClocks(status)));
    }
}
