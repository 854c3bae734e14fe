using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EscalationFlows.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EscalationFlows.Studio.Tests.Browser;

/// <summary>
/// (d) The client of an escalation (the shipped lifecycle workflows) opens the link of the confirmation mail on a phone,
/// reads where it stands and the support team's message, says it is not resolved with a comment, and the escalation
/// goes back to investigation; the link then says it was used.
/// </summary>
public sealed partial class EscalationClientPageTests(StudioFixture studio)
{
    [Fact]
    public async Task A_client_rejects_a_fix_on_a_phone_and_the_escalation_loops_back()
    {
        using var admin = await studio.Server.SignInAsync(StudioFixture.Admin);
        var created = await admin.PostJsonAsync("/api/escalations", new JsonObject
        {
            ["title"] = "Reports page empty", ["client"] = "ACME Logistics", ["clientEmail"] = "it@acme.example", ["clientContact"] = "Jo Lee",
            ["tier"] = "gold", ["category"] = "crm", ["impact"] = 2, ["urgency"] = 2, ["triggerReason"] = "client-request",
        }, HttpStatusCode.Created);
        var id = created["escalation"]!["id"]!.GetValue<string>();
        await CompleteAsync(admin, id, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 2, ["category"] = "crm" });
        await CompleteAsync(admin, id, "investigate", "PlanReady", new JsonObject { ["plan"] = "Rebuild the report cache" });
        await CompleteAsync(admin, id, "implement", "Resolved", new JsonObject { ["resolutionDetails"] = "Rebuilt the report cache." });

        // The link as mailed (the communications log holds the rendered mail).
        var mail = await ClientMailAsync(admin, id);
        var url = LinkPattern().Match(mail["body"]!.GetValue<string>()).Value;
        Assert.StartsWith($"/escalations/{id}/client?token=", url, StringComparison.Ordinal);

        var phone = await studio.NewPageAsync(width: 375, height: 740, isMobile: true);
        await phone.GotoAsync(studio.Server.BaseAddress.ToString().TrimEnd('/') + url);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Reports page empty" })).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("escalation-status")).ToContainTextAsync("waiting for you to confirm");
        await Expect(phone.GetByText("Rebuilt the report cache.").First).ToBeVisibleAsync();
        await Expect(phone.GetByText("Sign in to EscalationFlows")).ToHaveCountAsync(0);
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The escalation client page is {width} px wide on a 375 px screen (it scrolls sideways).");
        await phone.ScreenshotAsync("d1-escalation-client-page-phone");

        await phone.GetByLabel("Comment (required when it is not resolved)").FillAsync("Still empty for the EU team.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Not resolved" }).ClickAsync();
        await Expect(phone.GetByTestId("client-done")).ToBeVisibleAsync();
        await phone.ScreenshotAsync("d2-escalation-client-page-answered");

        var after = (await admin.GetJsonAsync($"/api/escalations/{id}")).AsObject()["escalation"]!;
        Assert.Equal(("Investigation", 1, "Still empty for the EU team."), (after["stage"]!.GetValue<string>(), after["loopBackCount"]!.GetValue<int>(), after["clientComment"]!.GetValue<string>()));

        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("client-closed")).ToHaveAttributeAsync("data-code", "client-link-used");
        studio.AssertNoConsoleErrors(phone);
        await phone.Context.CloseAsync();
    }

    /// <summary>
    /// Completes the escalation's open task at <paramref name="activityId"/>, waiting (real time, with a deadline) until it
    /// is open: the server's dispatcher may start the child workflow that holds it just after the previous answer.
    /// </summary>
    private static async Task CompleteAsync(HttpClient admin, string escalationId, string activityId, string outcome, JsonObject data)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var details = (await admin.GetJsonAsync($"/api/escalations/{escalationId}")).AsObject();
            var task = details["openTasks"]!.AsArray().SingleOrDefault(t => t!["activityId"]!.GetValue<string>() == activityId);
            if (task is not null)
            {
                await admin.PostJsonAsync($"/api/tasks/{task["id"]!.GetValue<string>()}/complete", new JsonObject { ["outcome"] = outcome, ["data"] = data });
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No open task '{activityId}': {details["openTasks"]}; stage {details["escalation"]!["stage"]}; workflow {details["workflow"]}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    private static async Task<JsonNode> ClientMailAsync(HttpClient admin, string escalationId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var details = (await admin.GetJsonAsync($"/api/escalations/{escalationId}")).AsObject();
            var mail = details["communications"]!.AsArray().LastOrDefault(c => c!["channel"]!.GetValue<string>() == "email" && c["audience"]!.GetValue<string>() == "client");
            if (mail is not null)
            {
                return mail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No confirmation mail to the client; stage {details["escalation"]!["stage"]}; workflow {details["workflow"]}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex(@"/escalations/[^\s]+")]
    private static partial Regex LinkPattern();
}
