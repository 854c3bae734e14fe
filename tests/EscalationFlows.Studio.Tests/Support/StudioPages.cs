using Microsoft.Playwright;

namespace EscalationFlows.Studio.Tests.Support;

/// <summary>What people do in the studio that several tests need: sign in, wait for the app to settle.</summary>
public static class StudioPages
{
    /// <summary>Signs in through the sign-in form at <paramref name="path"/> and waits until the page behind it shows.</summary>
    public static async Task SignInAsync(this IPage page, string email, string path = "/")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StudioServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByTestId("current-user").GetByText("Sign out").WaitForAsync();
    }

    public static ILocator Node(this IPage page, string activityId) => page.Locator($".react-flow__node[data-id=\"{activityId}\"]");

    public static ILocator Edge(this IPage page, string source, string port, string target) => page.Locator($"[data-testid=\"rf__edge-{source}:{port}->{target}\"]");

    /// <summary>
    /// Drags with the real mouse in small steps (React Flow drops the movement before its drag threshold), from the
    /// centre of one element to the centre of another.
    /// </summary>
    public static async Task DragAsync(this IPage page, ILocator from, ILocator to)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var a = await from.BoundingBoxAsync() ?? throw new InvalidOperationException("The drag source is not visible.");
        var b = await to.BoundingBoxAsync() ?? throw new InvalidOperationException("The drag target is not visible.");
        await page.Mouse.MoveAsync(a.X + (a.Width / 2), a.Y + (a.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(a.X + (a.Width / 2) + 3, a.Y + (a.Height / 2) + 3, new() { Steps = 3 });
        await page.Mouse.MoveAsync(b.X + (b.Width / 2), b.Y + (b.Height / 2), new() { Steps = 25 });
        await page.Mouse.UpAsync();
    }
}
