using System.Text.RegularExpressions;
using EscalationFlows.Studio.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EscalationFlows.Studio.Tests.Browser;

/// <summary>
/// (b) An agent works a task: the inbox shows it (live, without reloading), the task page shows the server's form
/// error next to the field, then a valid answer completes the task and the instance moves on.
/// </summary>
public sealed class TaskInboxTests(StudioFixture studio)
{
    private const string WorkflowId = "studio-inbox";

    [Fact]
    public async Task An_agent_claims_a_task_fixes_a_field_the_server_refused_and_the_instance_moves_on()
    {
        using var admin = await studio.Server.SignInAsync(StudioFixture.Admin);
        await Scenario.EnsurePublishedAsync(admin, WorkflowId);
        var page = await studio.NewPageAsync();
        await page.SignInAsync(StudioFixture.Agent);

        // Agents start in their inbox; the team queue shows a task created while it is open, without a reload.
        await Expect(page).ToHaveURLAsync(new Regex("/tasks$"));
        await page.GetByRole(AriaRole.Tab, new() { Name = "My teams' tasks" }).ClickAsync();
        await Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("data-status", "live");
        var ticket = $"T-{Guid.NewGuid():N}"[..10];
        var (instanceId, taskId) = await Scenario.StartAsync(admin, WorkflowId, ticket);
        var row = page.GetByTestId($"task-row-{taskId}");
        await Expect(row).ToContainTextAsync($"Triage ticket {ticket}");
        await Expect(row).ToContainTextAsync("high");
        await Expect(row).ToContainTextAsync("due in 4 hours");
        await page.ScreenshotAsync("b1-inbox-team-queue");

        // The task page: description, context, form and outcomes.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Triage ticket {ticket}" })).ToBeVisibleAsync();
        await Expect(page.GetByText("ACME Logistics reports an outage.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("task-context")).ToContainTextAsync(ticket);
        await Expect(page.GetByTestId("task-assignment")).ToHaveTextAsync("Waiting in the queue of team Network");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(page.GetByTestId("task-assignment")).ToHaveTextAsync("Assigned to you");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Claim" })).ToBeDisabledAsync();

        // An answer the server refuses: its error appears next to the field.
        await page.GetByLabel("Severity").SelectOptionAsync("high");
        await page.GetByLabel("Summary").FillAsync("Routing loop at the edge.");
        await page.GetByLabel("Customer email").FillAsync("ops at acme");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask customer" }).ClickAsync();
        await Expect(page.Locator("#root_customerEmail__error")).ToHaveTextAsync("'customerEmail' is not a valid email address.");
        await Expect(page.GetByTestId("task-problem")).ToHaveAttributeAsync("data-kind", "invalid");
        await Expect(page.GetByLabel("Customer email")).ToBeFocusedAsync();
        await page.ScreenshotAsync("b2-task-server-error-next-to-field");
        Assert.Equal("open", (await admin.GetJsonAsync($"/api/tasks/{taskId}"))["status"]!.GetValue<string>());

        // Fixed: the task completes and the workflow waits for the customer now.
        await page.GetByLabel("Customer email").FillAsync("ops@acme.example");
        await Expect(page.GetByText("'customerEmail' is not a valid email address.")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask customer" }).ClickAsync();
        await Expect(page.GetByTestId("task-notice")).ToContainTextAsync("completed with “AskCustomer”");
        await Expect(page.GetByTestId("task-outcome")).ToContainTextAsync("Completed with AskCustomer by you");
        await Expect(page.GetByTestId("task-history")).ToContainTextAsync("Claimed by you");
        await page.ScreenshotAsync("b3-task-completed");

        var task = await admin.GetJsonAsync($"/api/tasks/{taskId}");
        Assert.Equal("completed", task["status"]!.GetValue<string>());
        Assert.Equal("ops@acme.example", task["data"]!["customerEmail"]!.GetValue<string>());
        var instance = await Scenario.InstanceAsync(admin, instanceId);
        Assert.Equal("Suspended", instance["status"]!.GetValue<string>());
        Assert.Contains(instance["bookmarks"]!.AsArray(), b => b!["activityId"]!.GetValue<string>() == "confirm");

        // Back in the inbox the task is gone from the queue.
        await page.GetByTestId("nav-tasks").ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "My teams' tasks" }).ClickAsync();
        await Expect(page.GetByTestId($"task-row-{taskId}")).ToHaveCountAsync(0);
        studio.AssertNoConsoleErrors(page);
        await page.Context.CloseAsync();
    }
}
