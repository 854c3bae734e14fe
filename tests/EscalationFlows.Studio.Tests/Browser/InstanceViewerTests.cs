using EscalationFlows.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EscalationFlows.Studio.Tests.Browser;

/// <summary>(d) The instance viewer highlights the path an instance took, counts runs, and follows it live.</summary>
public sealed class InstanceViewerTests(StudioFixture studio)
{
    private const string WorkflowId = "studio-viewer";

    [Fact]
    public async Task The_viewer_highlights_the_executed_path_with_run_counts_and_updates_when_the_instance_moves_on()
    {
        using var admin = await studio.Server.SignInAsync(StudioFixture.Admin);
        await Scenario.EnsurePublishedAsync(admin, WorkflowId);
        var (instanceId, taskId) = await Scenario.StartAsync(admin, WorkflowId, "T-501");
        var page = await studio.NewPageAsync();
        await page.SignInAsync(StudioFixture.Manager, $"/instances/{instanceId}");

        // Waiting on the triage task.
        await Expect(page.GetByTestId("instance-viewer")).ToContainTextAsync("Suspended");
        await Expect(page.GetByTestId("node-triage")).ToHaveAttributeAsync("data-mark", "waiting");
        await Expect(page.GetByTestId("node-start")).ToHaveAttributeAsync("data-mark", "executed");
        await Expect(page.Edge("start", "Done", "triage")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("edge-traversed"));
        await Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-status", "live");

        // Completed elsewhere: the viewer follows without a reload.
        await Scenario.CompleteTriageAsync(admin, taskId, "Resolve");
        await Expect(page.GetByTestId("instance-viewer")).ToContainTextAsync("Finished");
        await Expect(page.GetByTestId("node-triage")).ToHaveAttributeAsync("data-mark", "executed");
        await Expect(page.GetByTestId("node-runs-triage")).ToHaveTextAsync("×1");
        await Expect(page.GetByTestId("node-runs-done")).ToHaveTextAsync("×1");
        await Expect(page.Edge("triage", "Resolve", "done")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("edge-traversed"));
        await Expect(page.Edge("triage", "AskCustomer", "confirm")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("edge-traversed"));
        await Expect(page.GetByTestId("node-confirm")).Not.ToHaveAttributeAsync("data-mark", "executed");
        await Expect(page.GetByTestId("node-runs-confirm")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("journal-table")).ToContainTextAsync("WorkflowFinished");
        await page.ScreenshotAsync("d1-instance-viewer-path");
        studio.AssertNoConsoleErrors(page);
        await page.Context.CloseAsync();
    }
}
