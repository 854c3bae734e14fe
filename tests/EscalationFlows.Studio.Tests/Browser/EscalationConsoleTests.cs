using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EscalationFlows.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EscalationFlows.Studio.Tests.Browser;

/// <summary>
/// (e) The escalation console: an escalation opened and triaged through the API shows in the list with a ticking SLA
/// countdown; the filters narrow the list and live in the address; the escalation page shows the timeline, the owner
/// per stage and the cited summary, whose citation takes the reader to its timeline entry; a flag through the API
/// arrives live; an escalation manager flags and elevates it and both land on the timeline; a viewer is not offered
/// either action.
/// </summary>
public sealed class EscalationConsoleTests(StudioFixture studio)
{
    private const string Client = "Console Test Ltd";

    [Fact]
    public async Task A_manager_finds_the_escalation_follows_a_citation_and_flags_and_elevates_it()
    {
        using var admin = await studio.Server.SignInAsync(StudioFixture.Admin);
        var opened = await EscalationScenario.OpenAsync(admin, "CRM record view broken for sales", Client);
        var id = opened["escalation"]!["id"]!.GetValue<string>();
        var number = opened["escalation"]!["number"]!.GetValue<string>();
        var triaged = await EscalationScenario.TriageAsync(admin, id);
        Assert.Equal("Investigation", triaged["escalation"]!["stage"]!.GetValue<string>());
        Assert.NotNull(triaged["escalation"]!["resolutionDueAt"]);
        Assert.NotEmpty(triaged["summary"]!["sentences"]!.AsArray());

        // The list: the row with its stage, priority, owner and a countdown that ticks in the browser.
        var page = await studio.NewPageAsync();
        await page.SignInAsync(StudioFixture.Manager, "/escalations");
        await Expect(page.GetByTestId("nav-escalations")).ToBeVisibleAsync();
        var row = page.GetByTestId($"escalation-row-{number}");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("stage-badge")).ToHaveTextAsync("Investigation");
        await Expect(row.GetByTestId("escalation-priority")).ToContainTextAsync($"P{triaged["escalation"]!["priority"]!.GetValue<int>()}");
        var countdown = row.GetByTestId("sla-countdown");
        await Expect(countdown).ToHaveAttributeAsync("data-state", "running");
        await Expect(countdown).ToContainTextAsync(new Regex(@"Resolution \d{2}:\d{2}:\d{2} left|Resolution \d+d \d{2}:\d{2}:\d{2} left"));
        var first = await countdown.Locator(".countdown-time").TextContentAsync();
        await Expect(countdown.Locator(".countdown-time")).Not.ToHaveTextAsync(first!);
        await page.ScreenshotAsync("e1-escalations-list");

        // Filters go into the address: a filtered view is a link.
        await page.GetByTestId("filter-stage").SelectOptionAsync("Investigation");
        await Expect(page).ToHaveURLAsync(new Regex(@"/escalations\?stage=Investigation$"));
        await Expect(row).ToBeVisibleAsync();
        await page.GetByTestId("filter-client").FillAsync(Client);
        await page.GetByTestId("filter-client").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"stage=Investigation&client=Console\+Test\+Ltd$"));
        await Expect(page.Locator("[data-testid^=escalation-row-]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("e2-escalations-filtered");
        await page.GetByTestId("filter-stage").SelectOptionAsync("Closure");
        await Expect(page.GetByTestId("escalations-empty")).ToBeVisibleAsync();
        await page.GotoAsync($"/escalations?owner=mine&sla=onTrack&client={Uri.EscapeDataString(Client)}");
        await Expect(page.GetByTestId("filter-owner")).ToHaveValueAsync("mine");
        await Expect(page.GetByTestId("filter-sla")).ToHaveValueAsync("onTrack");
        var ownerId = triaged["escalation"]!["ownerId"]!.GetValue<string>();
        using var manager = await studio.Server.SignInAsync(StudioFixture.Manager);
        var me = (await manager.GetJsonAsync("/api/auth/me"))["id"]!.GetValue<string>();
        await Expect(page.Locator("[data-testid^=escalation-row-]")).ToHaveCountAsync(ownerId == me ? 1 : 0);

        // The escalation page: header, owners per stage, timeline, communications and the cited summary.
        await page.GotoAsync($"/escalations?client={Uri.EscapeDataString(Client)}");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("escalation-page")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);
        await Expect(page.GetByTestId("sla-resolution")).ToHaveAttributeAsync("data-state", "running");
        await Expect(page.GetByTestId("elevation")).ToContainTextAsync("Level 1");
        var owners = page.GetByTestId("escalation-owners");
        foreach (var owner in triaged["owners"]!.AsArray())
        {
            await Expect(owners.GetByTestId($"owner-{owner!["stage"]!.GetValue<string>()}")).ToContainTextAsync(owner["ownerName"]!.GetValue<string>());
        }

        await Expect(owners.GetByTestId("owner-Investigation")).ToContainTextAsync(triaged["escalation"]!["ownerName"]!.GetValue<string>());
        var timeline = page.GetByTestId("escalation-timeline");
        await Expect(timeline.Locator("li[data-kind=opened]")).ToContainTextAsync("CRM record view broken for sales");
        await Expect(page.GetByTestId("open-task-investigate")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("summary-method")).ToContainTextAsync("Extractive");
        await page.ScreenshotAsync("e3-escalation-page");

        // A citation takes the reader to the timeline entry it cites, highlighted.
        var citation = page.GetByTestId("escalation-summary").Locator("a.citation[data-testid^=citation-t]").First;
        var cited = (await citation.GetAttributeAsync("data-testid"))!["citation-t".Length..];
        await citation.ClickAsync();
        var entry = page.GetByTestId($"timeline-{cited}");
        await Expect(entry).ToHaveClassAsync(new Regex("highlighted"));
        await Expect(entry).ToBeInViewportAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"#timeline-{cited}$"));
        await page.ScreenshotAsync("e4-escalation-citation");

        // Someone else flags it through the API: the open page hears of it on /api/live (well before its 30 s refresh).
        await admin.PostJsonAsync($"/api/escalations/{id}/flag", new JsonObject { ["reason"] = "Account manager asked through the CRM" });
        await Expect(timeline.Locator("li[data-kind=flagged]").Filter(new() { HasText = "Account manager asked through the CRM" }))
            .ToBeVisibleAsync(new() { Timeout = 10_000 });

        // The manager flags it, then elevates it: both on the timeline, by name.
        await page.GetByTestId("action-flag").ClickAsync();
        await page.GetByLabel("Why flag it?").FillAsync("The client's CEO called the account manager");
        await page.GetByTestId("flag-form").GetByRole(AriaRole.Button, new() { Name = "Flag", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("escalation-notice")).ToHaveTextAsync($"{number} was flagged.");
        var flagged = timeline.Locator("li[data-kind=flagged]").Filter(new() { HasText = "The client's CEO called the account manager" });
        await Expect(flagged).ToContainTextAsync("Flagged: The client's CEO called the account manager");
        await Expect(flagged).ToContainTextAsync("Mia Manager");
        await page.GetByTestId("action-elevate").ClickAsync();
        await page.GetByTestId("elevate-form").GetByRole(AriaRole.Textbox).FillAsync("Needs a senior specialist for the release rollback");
        await page.GetByTestId("elevate-form").GetByRole(AriaRole.Button, new() { Name = "Elevate", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("elevation")).ToContainTextAsync("Level 2");
        await Expect(timeline.Locator("li[data-kind=elevated]")).ToContainTextAsync("Needs a senior specialist for the release rollback");
        await page.ScreenshotAsync("e5-escalation-flagged-elevated");

        var after = await EscalationScenario.DetailsAsync(admin, id);
        Assert.True(after["escalation"]!["flagged"]!.GetValue<bool>());
        Assert.Equal(2, after["escalation"]!["elevationLevel"]!.GetValue<int>());
        Assert.Contains(after["timeline"]!.AsArray(), t => t!["kind"]!.GetValue<string>() == "flagged" && t["actorId"]!.GetValue<string>() == me);

        // A viewer reads the same page but is offered neither action.
        var viewer = await studio.NewPageAsync();
        await viewer.SignInAsync("viewer@demo.local", $"/escalations/{id}");
        await Expect(viewer.GetByTestId("escalation-timeline").Locator("li[data-kind=flagged]")).ToHaveCountAsync(2);
        await Expect(viewer.GetByTestId("escalation-actions")).ToHaveCountAsync(0);

        studio.AssertNoConsoleErrors(page);
        studio.AssertNoConsoleErrors(viewer);
        await page.Context.CloseAsync();
        await viewer.Context.CloseAsync();
    }
}
