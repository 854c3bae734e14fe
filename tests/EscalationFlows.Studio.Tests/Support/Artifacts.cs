using EscalationFlows.Testing;
using Microsoft.Playwright;

namespace EscalationFlows.Studio.Tests.Support;

/// <summary>Screenshots of each page a browser test visits, kept in test-artifacts/studio/ (git-ignored) and named in the test output.</summary>
public static class Artifacts
{
    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "test-artifacts", "studio");

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        TestContext.Current.SendDiagnosticMessage($"screenshot: {path}");
    }
}
