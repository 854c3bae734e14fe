using EscalationFlows.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EscalationFlows.Studio.Tests.Browser;

/// <summary>
/// (f) The client of an escalation answers through the signed link the lifecycle sends, on a phone: first "not resolved"
/// with a comment (the escalation goes back to investigation), then, after the second fix, confirms through the new
/// link; the record shows each outcome, and a used link says so.
/// </summary>
public sealed class EscalationClientPageTests(StudioFixture studio)
{
    [Fact]
    public async Task A_client_on_a_phone_says_not_resolved_then_confirms_the_second_fix()
    {
        using var admin = await studio.Server.SignInAsync(StudioFixture.Admin);
        var opened = await EscalationScenario.OpenAsync(admin, "Invoices stuck in the outbox", "Phone Client Ltd");
        var id = opened["escalation"]!["id"]!.GetValue<string>();
        var number = opened["escalation"]!["number"]!.GetValue<string>();
        await EscalationScenario.TriageAsync(admin, id);
        await EscalationScenario.FixAsync(admin, id, "Rolled back release 5.2 on all CRM servers.");
        Assert.Equal("AwaitingClient", (await EscalationScenario.DetailsAsync(admin, id))["escalation"]!["stage"]!.GetValue<string>());

        // The link in the client's mail opens the studio's page (Auth:PublicBaseUrl + /escalations/{id}/client?token=…).
        var url = await EscalationScenario.ClientLinkAsync(admin, id);
        Assert.StartsWith($"{studio.Server.BaseAddress}escalations/{id}/client?token=", url, StringComparison.Ordinal);

        var phone = await studio.NewPageAsync(width: 375, height: 740, isMobile: true);
        await phone.GotoAsync(url);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Invoices stuck in the outbox" })).ToBeVisibleAsync();
        await Expect(phone.GetByText(number, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("escalation-status")).ToHaveTextAsync("We believe the problem is resolved and are waiting for you to confirm.");
        await Expect(Messages(phone)).ToContainTextAsync("Rolled back release 5.2 on all CRM servers.");
        await Expect(phone.GetByText("Sign in to EscalationFlows")).ToHaveCountAsync(0);
        await AssertFitsAsync(phone);
        var yes = phone.GetByRole(AriaRole.Button, new() { Name = "Confirm, it is resolved" });
        var box = await yes.BoundingBoxAsync() ?? throw new InvalidOperationException("The confirm button is not visible.");
        Assert.True(box.Width >= 300, $"Answer buttons take the phone's width; it is {box.Width} px wide.");
        await phone.ScreenshotAsync("f1-escalation-client-phone");

        // "Not resolved" needs a comment: the page asks for it before sending anything.
        var notResolved = phone.GetByRole(AriaRole.Button, new() { Name = "Not resolved", Exact = true });
        await notResolved.ClickAsync();
        await Expect(phone.GetByTestId("client-problem")).ToContainTextAsync("what is still wrong");
        await phone.GetByLabel("Comment (required when it is not resolved)").FillAsync("Still failing for the EU sales team.");
        await AssertFitsAsync(phone);
        await phone.ScreenshotAsync("f2-escalation-client-not-resolved");
        await notResolved.ClickAsync();
        await Expect(phone.GetByTestId("client-done")).ToContainTextAsync("Thank you; the team is looking at it again.");
        await phone.ScreenshotAsync("f3-escalation-client-thanks");

        var rejected = (await EscalationScenario.DetailsAsync(admin, id))["escalation"]!;
        Assert.Equal(("rejected", "Still failing for the EU sales team.", "Investigation", 1, 1),
            (rejected["clientConfirmation"]!.GetValue<string>(), rejected["clientComment"]!.GetValue<string>(), rejected["stage"]!.GetValue<string>(),
                rejected["reopenCount"]!.GetValue<int>(), rejected["loopBackCount"]!.GetValue<int>()));

        // The same link again: used.
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("client-closed")).ToHaveAttributeAsync("data-code", "client-link-used");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "This link was already used" })).ToBeVisibleAsync();

        // The second fix gets a new link; the client confirms with a comment.
        await EscalationScenario.FixAsync(admin, id, "Patched the EU locale of the record view.");
        var second = await EscalationScenario.ClientLinkAsync(admin, id);
        Assert.NotEqual(url, second);
        await phone.GotoAsync(second);
        await Expect(Messages(phone)).ToContainTextAsync("Patched the EU locale of the record view.");
        await phone.GetByLabel("Comment (required when it is not resolved)").FillAsync("Works now, thanks.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Confirm, it is resolved" }).ClickAsync();
        await Expect(phone.GetByTestId("client-done")).ToContainTextAsync("Thank you for confirming; we are closing the escalation.");
        await phone.ScreenshotAsync("f4-escalation-client-confirmed");

        var confirmed = (await EscalationScenario.DetailsAsync(admin, id))["escalation"]!;
        Assert.Equal(("confirmed", "Works now, thanks.", "Closure"),
            (confirmed["clientConfirmation"]!.GetValue<string>(), confirmed["clientComment"]!.GetValue<string>(), confirmed["stage"]!.GetValue<string>()));

        // A tampered link is not valid at all.
        await phone.GotoAsync(second[..^2] + (second.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"));
        await Expect(phone.GetByTestId("client-closed")).ToHaveAttributeAsync("data-code", "client-link-invalid");
        studio.AssertNoConsoleErrors(phone);
        await phone.Context.CloseAsync();
    }

    private static ILocator Messages(IPage phone) => phone.GetByRole(AriaRole.Region, new() { Name = "Messages" });

    private static async Task AssertFitsAsync(IPage phone)
    {
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The client page is {width} px wide on a 375 px screen (it scrolls sideways).");
    }
}
