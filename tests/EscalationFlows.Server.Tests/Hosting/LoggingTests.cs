using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Server.Tests.Hosting;

public sealed class LoggingTests
{
    [Fact]
    public async Task Database_commands_are_not_logged_by_default_only_database_warnings_and_errors()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var id = Ids.New("quiet");
        await (await client.PostJsonAsync("/api/workflow-definitions/import?publish=true", Workflows.Finishing(id).Json)).ReadObjectAsync(HttpStatusCode.Created);

        await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = id })).ReadObjectAsync(HttpStatusCode.Created);

        // Each burst runs several SQL commands; at Information they were a dozen console lines per request (and the
        // synchronous console writes a measurable share of each request's CPU, docs/benchmarks.md).
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
        Assert.Contains(factory.Logs.Entries, e => e.Category.StartsWith("EscalationFlows", StringComparison.Ordinal) && e.Level == LogLevel.Information);
    }
}
