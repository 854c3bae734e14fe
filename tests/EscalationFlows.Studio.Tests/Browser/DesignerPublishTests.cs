using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EscalationFlows.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EscalationFlows.Studio.Tests.Browser;

/// <summary>
/// (a) A process owner changes a workflow in the designer and saves it; an admin publishes the new version from the
/// version history; the API then serves it as the published version.
/// </summary>
public sealed class DesignerPublishTests(StudioFixture studio)
{
    /// <summary>The workflow the scenario edits: the shipped escalation-triage (workflows/escalation-triage.json, published at start).</summary>
    public const string WorkflowId = "escalation-triage";

    /// <summary>
    /// An activity of that workflow whose <see cref="AnchorPort"/> the new activity is connected to: the last step of the
    /// "triage rejected" path, so the added Log runs beside its End and the escalations other tests confirm never meet it.
    /// </summary>
    public const string AnchorActivity = "rejected";

    public const string AnchorPort = "Done";

    [Fact]
    public async Task A_process_owner_adds_and_fixes_an_activity_saves_and_an_admin_publishes_it()
    {
        using var admin = await studio.Server.SignInAsync(StudioFixture.Admin);
        await Scenario.EnsurePublishedAsync(admin, WorkflowId);
        var publishedBefore = (await admin.GetJsonAsync($"/api/workflow-definitions/{WorkflowId}?version=published"))["version"]!.GetValue<int>();
        var page = await studio.NewPageAsync();

        await page.SignInAsync(StudioFixture.Owner, $"/workflows/{WorkflowId}");
        await Expect(page.Node(AnchorActivity)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("validation-status")).ToHaveTextAsync("none — ready to publish");
        var before = await page.Locator(".react-flow__node").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id)");

        // Drop a Log activity from the palette below the anchor.
        var anchor = await page.Node(AnchorActivity).BoundingBoxAsync() ?? throw new InvalidOperationException("The anchor activity is not visible.");
        var dataTransfer = await page.EvaluateHandleAsync("() => new DataTransfer()");
        await page.GetByTestId("palette-Log").DispatchEventAsync("dragstart", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        await page.Locator(".react-flow__pane").DispatchEventAsync("drop",
            new Dictionary<string, object> { ["dataTransfer"] = dataTransfer, ["clientX"] = (int)(anchor.X + (anchor.Width / 2)), ["clientY"] = (int)(anchor.Y + anchor.Height + 110) });
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(before.Length + 1);
        var added = (await page.Locator(".react-flow__node").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.id)")).Except(before).Single();

        // Connect the anchor's port to it: the new activity is reachable now, but its required message is missing.
        await page.DragAsync(page.Node(AnchorActivity).Locator($".react-flow__handle.source[data-handleid=\"{AnchorPort}\"]"), page.Node(added).Locator(".react-flow__handle.target"));
        await Expect(page.Edge(AnchorActivity, AnchorPort, added)).ToBeAttachedAsync();
        await Expect(page.GetByTestId($"node-errors-{added}")).ToHaveTextAsync("1!");
        var problems = page.GetByTestId("validation-list");
        await Expect(problems.GetByRole(AriaRole.Listitem)).ToHaveTextAsync($"{added} Activity '{added}' (Log) needs the input 'message'.");
        await Expect(page.GetByTestId("publish")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("a1-designer-validation-error");

        // Fix it in the property panel, then save with Ctrl+S.
        await page.Node(added).ClickAsync();
        await page.GetByTestId("field-message").Locator("textarea, input").First.FillAsync("Triage rejected the escalation; the handler has the guidance.");
        await Expect(page.GetByTestId($"node-errors-{added}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("validation-status")).ToHaveTextAsync("none — ready to publish");
        await page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.GetByTestId("save-state")).ToHaveTextAsync("All changes saved");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("Saved as version") })).ToBeVisibleAsync();
        await page.ScreenshotAsync("a2-designer-saved");
        var draft = await admin.GetJsonAsync($"/api/workflow-definitions/{WorkflowId}");
        var draftVersion = draft["version"]!.GetValue<int>();
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.True(draftVersion > publishedBefore, $"Saving a published workflow makes a new version; latest is {draftVersion}, published {publishedBefore}.");

        // An admin publishes the new version from the version history.
        var adminPage = await studio.NewPageAsync();
        await adminPage.SignInAsync(StudioFixture.Admin, $"/workflows/{WorkflowId}/versions");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = $"Publish version {draftVersion}" }).ClickAsync();
        await Expect(adminPage.GetByTestId($"version-row-{draftVersion}")).ToContainTextAsync("published");
        await Expect(adminPage.GetByTestId("version-diff")).ToContainTextAsync(added);
        await adminPage.ScreenshotAsync("a3-versions-published");

        var published = await admin.GetJsonAsync($"/api/workflow-definitions/{WorkflowId}?version=published");
        Assert.Equal(draftVersion, published["version"]!.GetValue<int>());
        var definition = published["definition"]!;
        var activity = definition["root"]!["activities"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == added)!;
        Assert.Equal("Log", activity["type"]!.GetValue<string>());
        Assert.Contains("Triage rejected the escalation", activity["inputs"]!["message"]!["expression"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(definition["root"]!["connections"]!.AsArray(), c =>
            c!["source"]!["activity"]!.GetValue<string>() == AnchorActivity && (c["source"]!["port"]?.GetValue<string>() ?? "Done") == AnchorPort
            && c["target"]!["activity"]!.GetValue<string>() == added);
        studio.AssertNoConsoleErrors(page);
        studio.AssertNoConsoleErrors(adminPage);
        await page.Context.CloseAsync();
        await adminPage.Context.CloseAsync();
    }
}
