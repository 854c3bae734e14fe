using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Runtime;

public sealed class InstanceQueryTests
{
    [Fact]
    public async Task Lists_newest_first_with_filters_and_pages()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("waits").Add("start", "Start").Add("wait", "Delay", Literal("duration", "PT1H")).Chain("start", "wait").Json);
        engine.Publish(new Flow("quick").Add("start", "Start").Add("end", "End").Chain("start", "end").Json);
        var first = await engine.StartAsync("waits", correlationId: "c-1");
        var second = await engine.StartAsync("quick", correlationId: "c-1");
        engine.Clock.Advance(TimeSpan.FromSeconds(1));
        var third = await engine.StartAsync("waits", correlationId: "c-2");
        var fourth = await engine.StartAsync("waits");
        IWorkflowInstanceQuery query = engine.Store;

        var all = await query.ListAsync(new InstanceFilter(), new PageRequest(1, 10), CancellationToken.None);
        Assert.Equal([fourth.InstanceId, third.InstanceId, second.InstanceId, first.InstanceId], all.Items.Select(i => i.Id));
        Assert.Equal(4, all.TotalCount);

        var suspended = await query.ListAsync(new InstanceFilter { DefinitionId = "waits", Status = WorkflowStatus.Suspended }, new PageRequest(2, 2), CancellationToken.None);
        Assert.Equal([first.InstanceId], suspended.Items.Select(i => i.Id));
        Assert.Equal(3, suspended.TotalCount);
        Assert.Equal(2, suspended.Page);

        var correlated = await query.ListAsync(new InstanceFilter { CorrelationId = "c-1" }, new PageRequest(1, 10), CancellationToken.None);
        Assert.Equal([second.InstanceId, first.InstanceId], correlated.Items.Select(i => i.Id));
        var summary = correlated.Items[1];
        Assert.Equal("waits", summary.DefinitionId);
        Assert.Equal(1, summary.DefinitionVersion);
        Assert.Equal(WorkflowStatus.Suspended, summary.Status);
        Assert.Equal(engine.Clock.GetUtcNow() - TimeSpan.FromSeconds(1), summary.CreatedAt);
    }

    [Fact]
    public void A_page_request_rejects_out_of_range_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRequest(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRequest(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PageRequest(1, PageRequest.MaxPageSize + 1));
    }
}
