using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace EscalationFlows.Bench.Studio;

/// <summary>
/// Time from navigation start to an interactive designer on a large workflow: the page opens /workflows/{id}, a node is
/// clicked as soon as Playwright can click it, and the clock stops when the property panel shows that node. Timestamps
/// are taken inside the page (performance.now(), whose origin is the navigation start) by a MutationObserver.
/// </summary>
public static class StudioBench
{
    public static async Task<int> Main(string[] args)
    {
        var runs = IntArg(args, "-runs", 20);
        var warmups = IntArg(args, "-warmups", 2);
        var activities = IntArg(args, "-activities", 200);
        var write = args.Contains("-write");
        var detail = args.Contains("-detail");
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            await Console.Error.WriteLineAsync($"Chromium is not installed at {chromium} (apt-get install chromium, or set CHROMIUM_PATH).");
            return 2;
        }

        // WebApplicationFactory finds the server's content root through MvcTestingAppManifest.json in the current folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var definitionId = $"bench-{activities}";
        await using var server = new BenchServer();
        server.StartServer();
        using (var handler = new HttpClientHandler { CookieContainer = new CookieContainer() })
        using (var admin = new HttpClient(handler) { BaseAddress = server.BaseAddress })
        {
            using var credentials = Json(new { email = BenchServer.Admin, password = BenchServer.Password });
            Ensure(await admin.PostAsync("/api/auth/login", credentials));
            using var definition = Json(LargeDefinition.Create(definitionId, activities));
            Ensure(await admin.PostAsync("/api/workflow-definitions/import", definition));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        });

        var observer = """
            (() => {
              const marks = (window.__bench = {});
              new MutationObserver(() => {
                if (marks.firstNode === undefined && document.querySelector('.react-flow__node')) { marks.firstNode = performance.now(); performance.mark('bench:first-node'); }
                if (marks.visible === undefined && document.querySelector('.react-flow__node[style*="visibility: visible"]')) { marks.visible = performance.now(); performance.mark('bench:node-visible'); }
                if (marks.panel === undefined && document.querySelector('[data-testid="activity-properties"]')) marks.panel = performance.now();
              }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
              marks.longTasks = [];
              new PerformanceObserver((list) => list.getEntries().forEach((e) => marks.longTasks.push(`${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`))).observe({ type: 'longtask', buffered: true });
              document.addEventListener('pointerdown', () => { if (marks.click === undefined) { marks.click = performance.now(); performance.mark('bench:pointerdown'); } }, true);
            })();
            """;

        var loadBefore = Machine.LoadAverage();
        var samples = new List<Sample>();
        for (var i = 0; i < warmups + runs; i++)
        {
            // A fresh context each time: no HTTP cache, no cookies but the session; the browser process itself stays warm.
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
            context.SetDefaultTimeout(60_000);
            var login = await context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { email = BenchServer.Admin, password = BenchServer.Password } });
            if (!login.Ok)
            {
                throw new InvalidOperationException($"Sign-in failed: {login.Status}");
            }

            var page = await context.NewPageAsync();
            await page.AddInitScriptAsync(observer);
            var profiling = args.Contains("-profile") && i == warmups + runs - 1;
            ICDPSession? cdp = null;
            if (profiling)
            {
                cdp = await context.NewCDPSessionAsync(page);
                await cdp.SendAsync("Profiler.enable");
                await cdp.SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 200 });
                await cdp.SendAsync("Profiler.start");
            }

            await page.GotoAsync($"/workflows/{definitionId}", new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator($".react-flow__node[data-id=\"{LargeDefinition.Id(1)}\"]").ClickAsync();
            await page.GetByTestId("activity-properties").WaitForAsync();
            if (cdp is not null)
            {
                var result = await cdp.SendAsync("Profiler.stop");
                await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "studio-bench.cpuprofile"), result!.Value.GetProperty("profile").GetRawText());
                await Console.Out.WriteLineAsync($"CPU profile: {Path.Combine(Path.GetTempPath(), "studio-bench.cpuprofile")}");
            }
            var marks = await page.EvaluateAsync<Marks>("() => ({ firstNode: window.__bench.firstNode, panel: window.__bench.panel, nodes: document.querySelectorAll('.react-flow__node').length })");
            if (detail && i == warmups + runs - 1)
            {
                // Where the time went in the last run: every request and the paint marks, in ms from navigation start.
                var timeline = await page.EvaluateAsync<string>("""
                    () => [
                      ...performance.getEntriesByType('navigation').map(e => `document ${e.responseEnd.toFixed(0)} (DOMContentLoaded ${e.domContentLoadedEventEnd.toFixed(0)})`),
                      ...performance.getEntriesByType('resource').map(e => `${e.name.replace(location.origin, '')} ${e.startTime.toFixed(0)} → ${e.responseEnd.toFixed(0)}`),
                      ...performance.getEntriesByType('paint').map(e => `${e.name} ${e.startTime.toFixed(0)}`),
                      ...performance.getEntriesByType('mark').map(e => `mark ${e.name} ${e.startTime.toFixed(0)}`),
                      `long tasks ${window.__bench.longTasks.join(', ')}`,
                    ].join('\n')
                    """);
                await Console.Out.WriteLineAsync(timeline);
            }

            if (i >= warmups)
            {
                samples.Add(new Sample(marks.FirstNode, marks.Panel, marks.Nodes));
                await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {i - warmups + 1,2}: first node {marks.FirstNode,6:0} ms, interactive (panel shown) {marks.Panel,6:0} ms, {marks.Nodes} nodes rendered"));
            }
        }

        var loadAfter = Machine.LoadAverage();
        var interactive = Stats.Of(samples.Select(s => s.Panel));
        var firstNode = Stats.Of(samples.Select(s => s.FirstNode));
        var machine = Machine.Describe(browser.Version);
        var load = loadBefore is null ? "unknown" : string.Create(CultureInfo.InvariantCulture, $"{loadBefore:0.0} before, {loadAfter:0.0} after");
        var report = Report.Markdown(activities, runs, warmups, interactive, firstNode, samples[0].Nodes, machine, load, DateTimeOffset.UtcNow);
        await Console.Out.WriteLineAsync();
        await Console.Out.WriteLineAsync(report);
        if (write)
        {
            var file = Report.Write(report);
            await Console.Out.WriteLineAsync($"Wrote the Studio section of {file}.");
        }

        return 0;
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), Encoding.UTF8, "application/json");

    private static void Ensure(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        }
    }
}
