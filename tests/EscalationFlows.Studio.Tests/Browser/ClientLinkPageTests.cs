using EscalationFlows.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EscalationFlows.Studio.Tests.Browser;

/// <summary>(c) A client without an account confirms through the signed link's page on a phone-width screen.</summary>
public sealed class ClientLinkPageTests(StudioFixture studio)
{
    private const string WorkflowId = "studio-client";

    [Fact]
    public async Task A_client_confirms_on_a_phone_and_the_link_then_says_it_was_used()
    {
        using var admin = await studio.Server.SignInAsync(StudioFixture.Admin);
        await Scenario.EnsurePublishedAsync(admin, WorkflowId);
        var (instanceId, taskId) = await Scenario.StartAsync(admin, WorkflowId, "T-775");
        await Scenario.CompleteTriageAsync(admin, taskId, "AskCustomer");
        var link = (await Scenario.InstanceAsync(admin, instanceId))["variables"]!["clientLink"]!;
        var url = link["url"]!.GetValue<string>();
        Assert.StartsWith(studio.Server.BaseAddress + "client/", url, StringComparison.Ordinal);

        var phone = await studio.NewPageAsync(width: 375, height: 740, isMobile: true);
        await phone.GotoAsync(url);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Is ticket T-775 fixed for you?" })).ToBeVisibleAsync();
        await Expect(phone.GetByText("We changed the routing for your site.")).ToBeVisibleAsync();
        await Expect(phone.GetByText("Sign in to EscalationFlows")).ToHaveCountAsync(0);
        var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The client page is {width} px wide on a 375 px screen (it scrolls sideways).");
        var confirm = phone.GetByRole(AriaRole.Button, new() { Name = "Confirm" });
        var box = await confirm.BoundingBoxAsync() ?? throw new InvalidOperationException("The Confirm button is not visible.");
        Assert.True(box.Width >= 300, $"Answer buttons take the phone's width; Confirm is {box.Width} px wide.");
        await phone.ScreenshotAsync("c1-client-page-phone");

        await phone.GetByLabel("Anything else we should know?").FillAsync("Works again, thanks!");
        await confirm.ClickAsync();
        await Expect(phone.GetByTestId("client-done")).ToContainTextAsync("Thank you, your answer was recorded.");
        await phone.ScreenshotAsync("c2-client-page-answered");

        var instance = await Scenario.InstanceAsync(admin, instanceId);
        Assert.Equal("Finished", instance["status"]!.GetValue<string>());
        Assert.Equal("Works again, thanks!", instance["variables"]!["confirmation"]!["comment"]!.GetValue<string>());

        // The link works once: opened again, it says so in plain words.
        await phone.ReloadAsync();
        await Expect(phone.GetByTestId("client-closed")).ToHaveAttributeAsync("data-code", "client-link-used");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "This link was already used" })).ToBeVisibleAsync();
        await phone.ScreenshotAsync("c3-client-link-used");

        // A link that was tampered with is not valid at all.
        await phone.GotoAsync(url[..^2] + (url.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"));
        await Expect(phone.GetByTestId("client-closed")).ToHaveAttributeAsync("data-code", "client-link-invalid");
        studio.AssertNoConsoleErrors(phone);
        await phone.Context.CloseAsync();
    }
}
