using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(EscalationFlows.Studio.Tests.Support.StudioFixture))]

// One server and one Chromium for the whole run; browser tests share them, so they run one at a time.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace EscalationFlows.Studio.Tests.Support;

/// <summary>
/// What every test of this assembly shares: the server (<see cref="StudioServer"/>) and ONE headless Chromium
/// (Debian's /usr/bin/chromium, or CHROMIUM_PATH; never a downloaded browser). Each browser test opens its own
/// context (<see cref="NewPageAsync"/>), so cookies never leak between tests.
/// </summary>
public sealed partial class StudioFixture : IAsyncLifetime
{
    public const string Admin = "admin@demo.local";
    public const string Owner = "owner@demo.local";
    public const string Manager = "manager@demo.local";
    public const string Agent = "agent@demo.local";

    /// <summary>Generous but bounded: the machine may be busy with other builds.</summary>
    public const float TimeoutMs = 30_000;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _browserUnavailable;

    public StudioServer Server { get; } = new();

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        Server.StartServer();
        if (!File.Exists(ChromiumPath))
        {
            _browserUnavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>A page in a fresh browser context (its own cookies), at the studio's address; desktop size unless given.</summary>
    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900, bool isMobile = false)
    {
        if (_browser is null)
        {
            // Under CI a missing browser is a failure: the browser tests must run there.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(_browserUnavailable);
            }

            Assert.Skip(_browserUnavailable ?? "No browser.");
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = isMobile,
            HasTouch = isMobile,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        _errors.AddOrUpdate(page, errors);
        page.Console += (_, message) =>
        {
            // Chromium logs every 4xx answer as a console error; the studio handles those (401 before signing in, a
            // 422 it shows next to a field, a 410 for a used link). Anything else is the studio's own error.
            if (message.Type == "error" && !ClientErrorStatus().IsMatch(message.Text))
            {
                errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        return page;
    }

    /// <summary>Asserts the studio logged no error in this page (uncaught exceptions, React errors, 5xx answers).</summary>
    public void AssertNoConsoleErrors(IPage page)
    {
        var errors = _errors.TryGetValue(page, out var found) ? found : [];
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> _errors = [];

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to load resource: the server responded with a status of 4[0-9][0-9]")]
    private static partial System.Text.RegularExpressions.Regex ClientErrorStatus();

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
