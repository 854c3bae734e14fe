using System.Net;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Runtime;

[Collection(ServerCollection.Name)]
public sealed class DescriptorEndpointTests(ServerFixture server)
{
    [Fact]
    public async Task Lists_every_registered_activity_in_camel_case_and_a_stable_order()
    {
        var first = (await (await server.Client.GetAsync("/api/activity-descriptors", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        var second = (await (await server.Client.GetAsync("/api/activity-descriptors", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();

        var types = first.Select(d => d!["type"]!.GetValue<string>()).ToList();
        Assert.Equal(types, second.Select(d => d!["type"]!.GetValue<string>()));
        foreach (var type in new[] { "Start", "End", "Decision", "Switch", "Fork", "Join", "SetVariable", "Log", "Delay", "Timer", "WaitForEvent", "EventTrigger", "RunWorkflow", "SendHttpRequest", "SendWebhook", "Fault" })
        {
            Assert.Contains(type, types);
        }

        var keys = first.Select(d => (Category: d!["category"]!.GetValue<string>(), Name: d["displayName"]!.GetValue<string>())).ToList();
        Assert.Equal(keys.OrderBy(k => k.Category, StringComparer.Ordinal).ThenBy(k => k.Name, StringComparer.Ordinal), keys);

        var delay = first.Single(d => d!["type"]!.GetValue<string>() == "Delay")!;
        Assert.Equal("blocking", delay["kind"]!.GetValue<string>());
        Assert.Equal("Timer", delay["bookmarkKind"]!.GetValue<string>());
        var duration = delay["inputs"]![0]!;
        Assert.Equal("duration", duration["name"]!.GetValue<string>());
        Assert.True(duration["required"]!.GetValue<bool>());
        Assert.Equal("duration", duration["uiHint"]!.GetValue<string>());
        Assert.Equal(["Done"], delay["ports"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("trigger", first.Single(d => d!["type"]!.GetValue<string>() == "EventTrigger")!["kind"]!.GetValue<string>());
    }
}
