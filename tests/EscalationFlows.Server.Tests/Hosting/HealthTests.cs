using System.Net;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Server.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_are_healthy_when_the_store_answers()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();

        var live = await client.GetObjectAsync("/health/live");
        var ready = await client.GetObjectAsync("/health/ready");

        Assert.Equal("Healthy", live["status"]!.GetValue<string>());
        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
        Assert.Equal("Healthy", ready["checks"]!["store"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_is_503_when_the_store_fails_while_live_stays_200()
    {
        var store = new FlakyStore();
        await using var factory = new ServerFactory(services: services => store.Install(services));
        using var client = factory.CreateClient();
        store.Failing = true;

        var ready = await client.GetAsync("/health/ready", ApiCalls.Token);
        var body = await ready.Content.ReadAsStringAsync(ApiCalls.Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("\"Unhealthy\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(FlakyStore.Message, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ApiCalls.Token)).StatusCode);

        store.Failing = false;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ApiCalls.Token)).StatusCode);
        Assert.NotNull(factory.Services.GetRequiredService<IWorkflowStore>() as FlakyStore);
    }
}
