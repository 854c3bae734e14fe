using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Sla;

/// <summary>Every mistake a client can make with tickets, policies and calendars is a problem naming the JSON pointer.</summary>
[Collection(ServerCollection.Name)]
public sealed class SlaApiValidationTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_ticket_without_its_fields_names_each_missing_one()
    {
        var problem = await (await _client.PostJsonAsync("/api/tickets", "{}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "ticket-invalid");

        Assert.Equal(["/client", "/externalId", "/openedAt", "/priority", "/source", "/title"], problem.Errors().Select(e => e.Pointer).Order(StringComparer.Ordinal));
        Assert.All(problem.Errors(), e => Assert.Equal("required", e.Code));
    }

    [Fact]
    public async Task Wrong_values_and_unknown_references_are_named_by_pointer()
    {
        var now = server.Factory.Clock.GetUtcNow();
        var bad = SlaCalls.Ticket(Ids.New("BAD"), priority: 9, openedAt: now.AddHours(1));
        bad["source"] = "has spaces";
        bad["respondedAt"] = SlaCalls.Text(now.AddHours(-1));
        var problem = await (await _client.PostJsonAsync("/api/tickets", bad)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "ticket-invalid");
        Assert.Equal(
            [("/openedAt", "out-of-range"), ("/priority", "out-of-range"), ("/respondedAt", "inconsistent"), ("/source", "invalid-format")],
            problem.Errors().Select(e => (e.Pointer, e.Code)).Order());

        var unknownPolicy = await (await _client.PostJsonAsync("/api/tickets", SlaCalls.Ticket(Ids.New("P"), policyId: "no-such-policy")))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "ticket-invalid");
        Assert.Equal([("/policyId", "unknown-reference", "There is no SLA policy 'no-such-policy'.")], unknownPolicy.Errors());

        var calendar = SlaCalls.Ticket(Ids.New("C"));
        calendar["calendarId"] = "no-such-calendar";
        var unknownCalendar = await (await _client.PostJsonAsync("/api/tickets", calendar)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "ticket-invalid");
        Assert.Equal("/calendarId", Assert.Single(unknownCalendar.Errors()).Pointer);

        var wrongType = await (await _client.PostJsonAsync("/api/tickets", """{ "source": "x", "priority": "high" }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-type");
        Assert.Equal("/priority", Assert.Single(wrongType.Errors()).Pointer);
    }

    [Fact]
    public async Task Updates_are_checked_and_an_update_older_than_the_last_one_is_refused()
    {
        var ticket = await _client.RegisterAsync(SlaCalls.Ticket(Ids.New("UPD"), status: "new", openedAt: server.Factory.Clock.GetUtcNow().AddMinutes(-30)));
        var id = ticket["id"]!.GetValue<string>();

        var empty = await (await _client.PatchAsync($"/api/tickets/{id}", "{}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "ticket-invalid");
        Assert.Equal(string.Empty, Assert.Single(empty.Errors()).Pointer);
        var priority = await (await _client.PatchAsync($"/api/tickets/{id}", """{ "priority": 0 }""")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "ticket-invalid");
        Assert.Equal("/priority", Assert.Single(priority.Errors()).Pointer);

        await _client.PatchTicketAsync(id, new JsonObject { ["status"] = "awaiting-client", ["at"] = SlaCalls.Text(server.Factory.Clock.GetUtcNow().AddMinutes(-10)) });
        var older = await (await _client.PatchAsync($"/api/tickets/{id}", new JsonObject { ["status"] = "in-progress", ["at"] = SlaCalls.Text(server.Factory.Clock.GetUtcNow().AddMinutes(-20)) }.ToJsonString()))
            .AssertProblemAsync(HttpStatusCode.Conflict, "sla-event-rejected");
        Assert.Equal("out-of-order", Assert.Single(older.Errors()).Code);
        Assert.Equal("awaiting-client", (await _client.GetObjectAsync($"/api/tickets/{id}"))["status"]!.GetValue<string>());

        await (await _client.PatchAsync("/api/tickets/no-such-ticket", """{ "status": "open" }""")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.GetAsync("/api/tickets/no-such-ticket", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.GetAsync("/api/sla/no-such-subject", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_shipped_policy_and_calendars_are_there()
    {
        var policies = await (await _client.GetAsync("/api/sla/policies", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(policies.AsArray(), p => p!["id"]!.GetValue<string>() == "standard");
        var standard = await _client.GetObjectAsync("/api/sla/policies/standard?version=1");
        Assert.Equal(("business-hours", 8, 4), (standard["policy"]!["calendarId"]!.GetValue<string>(), standard["policy"]!["targets"]!.AsArray().Count, standard["policy"]!["thresholds"]!.AsArray().Count));

        var calendars = await (await _client.GetAsync("/api/sla/calendars", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["24x7", "business-hours"], calendars.AsArray().Select(c => c!["id"]!.GetValue<string>()).Where(i => i is "24x7" or "business-hours").Order(StringComparer.Ordinal));
        var hours = await _client.GetObjectAsync("/api/sla/calendars/business-hours");
        Assert.Equal((40.0, "UTC"), (hours["weeklyBusinessHours"]!.GetValue<double>(), hours["calendar"]!["timeZone"]!.GetValue<string>()));

        await (await _client.GetAsync("/api/sla/policies/no-such-policy", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.GetAsync("/api/sla/policies/standard?version=99", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.GetAsync("/api/sla/policies/standard?version=0", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        await (await _client.GetAsync("/api/sla/calendars/no-such-calendar/versions", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_invalid_policy_names_every_problem_and_saves_nothing()
    {
        var id = Ids.New("policy");
        var policy = new JsonObject
        {
            ["id"] = id,
            ["name"] = "Broken",
            ["calendarId"] = "business-hours",
            ["targets"] = new JsonArray(
                new JsonObject { ["priority"] = 1, ["responseMinutes"] = 300, ["resolutionMinutes"] = 240 },
                new JsonObject { ["priority"] = 8, ["responseMinutes"] = 10, ["resolutionMinutes"] = 20 }),
            ["thresholds"] = new JsonArray(new JsonObject { ["percent"] = 75, ["name"] = "late", ["action"] = "Warn Loudly" }),
        };

        var problem = await (await _client.PostJsonAsync("/api/sla/policies", policy)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "sla-policy-invalid");

        var pointers = problem.Errors().Select(e => e.Pointer).ToList();
        Assert.Contains("/targets/0/responseMinutes", pointers);
        Assert.Contains("/targets/1/priority", pointers);
        Assert.Contains("/thresholds/0/action", pointers);
        Assert.Contains(problem.Errors(), e => e.Pointer == "/targets" && e.Message == "There is no default target (one without a tier) for priority 2.");
        await (await _client.GetAsync($"/api/sla/policies/{id}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var valid = PauseAndPolicyChangeTests.Policy(resolutionP3: 300);
        valid["id"] = id;
        valid["calendarId"] = "nowhere";
        var calendar = await (await _client.PostJsonAsync("/api/sla/policies", valid)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "sla-policy-invalid");
        Assert.Equal(("/calendarId", "unknown-reference"), (Assert.Single(calendar.Errors()).Pointer, calendar.Errors()[0].Code));

        valid["calendarId"] = "24x7";
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/sla/policies/other-id") { Content = new StringContent(valid.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        var mismatch = await (await _client.SendAsync(put, ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "sla-policy-invalid");
        Assert.Equal("/id", Assert.Single(mismatch.Errors()).Pointer);

        valid.Remove("id");
        using var create = new HttpRequestMessage(HttpMethod.Put, $"/api/sla/policies/{id}") { Content = new StringContent(valid.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        var created = await (await _client.SendAsync(create, ApiCalls.Token)).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal((id, 1), (created["saved"]!["id"]!.GetValue<string>(), created["saved"]!["version"]!.GetValue<int>()));
        Assert.Single((await (await _client.GetAsync($"/api/sla/policies/{id}/versions", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray());
    }

    [Fact]
    public async Task Calendars_are_validated_saved_as_versions_and_normalised()
    {
        var id = Ids.New("calendar");
        var windowsZone = new JsonObject
        {
            ["id"] = id,
            ["name"] = "Berlin office",
            ["timeZone"] = "W. Europe Standard Time",
            ["weeklyHours"] = new JsonObject { ["monday"] = new JsonArray("08:00-12:00", "11:00-13:00"), ["funday"] = new JsonArray("09:00-10:00") },
            ["holidays"] = new JsonArray(new JsonObject { ["from"] = "2026-12-31", ["to"] = "2026-12-24" }),
        };
        var problem = await (await _client.PostJsonAsync("/api/sla/calendars", windowsZone)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "sla-calendar-invalid");
        Assert.Equal(["/holidays/0/to", "/timeZone", "/weeklyHours/funday", "/weeklyHours/monday/1"], problem.Errors().Select(e => e.Pointer).Order(StringComparer.Ordinal));
        Assert.Contains(problem.Errors(), e => e.Pointer == "/timeZone" && e.Message.Contains("Europe/Berlin", StringComparison.Ordinal));

        var calendar = new JsonObject
        {
            ["id"] = id,
            ["name"] = "Berlin office",
            ["timeZone"] = "Europe/Berlin",
            ["weeklyHours"] = new JsonObject { ["friday"] = new JsonArray("08:00-14:00"), ["monday"] = new JsonArray("13:00-17:00", "08:00-12:00") },
            ["holidays"] = new JsonArray(new JsonObject { ["date"] = "2026-12-25", ["name"] = "Christmas Day" }),
        };
        var created = await (await _client.PostJsonAsync("/api/sla/calendars", calendar)).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal((1, 14.0), (created["saved"]!["version"]!.GetValue<int>(), created["saved"]!["weeklyBusinessHours"]!.GetValue<double>()));
        Assert.Equal(["08:00-12:00", "13:00-17:00"], created["saved"]!["calendar"]!["weeklyHours"]!["monday"]!.AsArray().Select(h => h!.GetValue<string>()));

        var same = await (await _client.PostJsonAsync("/api/sla/calendars", calendar)).ReadObjectAsync(HttpStatusCode.OK);
        Assert.False(same["created"]!.GetValue<bool>());

        calendar["holidays"]!.AsArray().Add(new JsonObject { ["from"] = "2026-12-29", ["to"] = "2026-12-31" });
        var second = await (await _client.PostJsonAsync("/api/sla/calendars", calendar)).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(2, second["saved"]!["version"]!.GetValue<int>());
        Assert.Single((await _client.GetObjectAsync($"/api/sla/calendars/{id}?version=1"))["calendar"]!["holidays"]!.AsArray());
        Assert.Equal([2, 1], (await (await _client.GetAsync($"/api/sla/calendars/{id}/versions", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray().Select(v => v!["version"]!.GetValue<int>()));
    }
}
