using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Tests.Support;
using EscalationFlows.Engine.Tests.Validation;
using EscalationFlows.Escalations.Hosting;

namespace EscalationFlows.Engine.Tests.Definitions;

/// <summary>
/// Every shipped definition (workflows/**, without workflows/schema) and every test sample loads, validates and
/// serialises back to the same JSON. Documents are kept in canonical form: what the serializer writes. The shipped
/// escalation lifecycle uses the escalation module's activities, so they are registered here (the engine itself knows none).
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        var schemaFolder = Path.Combine(RepositoryPaths.Workflows, "schema") + Path.DirectorySeparatorChar;
        var shipped = Directory.Exists(RepositoryPaths.Workflows)
            ? Directory.EnumerateFiles(RepositoryPaths.Workflows, "*.json", SearchOption.AllDirectories).Where(f => !f.StartsWith(schemaFolder, StringComparison.Ordinal))
            : [];
        var samples = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.TestProject, "Definitions", "Samples"), "*.json");
        foreach (var file in shipped.Concat(samples).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_definition_document_loads_validates_and_serialises_back_to_the_same_JSON(string relativePath)
    {
        using var engine = new EngineHarness(services => services.AddEscalationsModule());
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath));

        var result = engine.Reader.Read(text);

        Assert.True(result.IsValid, $"{relativePath}:{Environment.NewLine}{ValidationAssert.Describe(result)}");
        var written = WorkflowJson.Serialize(result.Definition!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(written)),
            $"{relativePath} changed on the way through the model:{Environment.NewLine}{WorkflowJson.Serialize(result.Definition!, indented: true)}");
        Assert.True(engine.Reader.Read(written).IsValid, "what the serializer writes reads back as valid");
    }

    [Fact]
    public void The_samples_together_use_every_built_in_activity_and_expression_type()
    {
        using var engine = new EngineHarness();
        var definitions = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.TestProject, "Definitions", "Samples"), "*.json")
            .Select(f => engine.Reader.ReadValid(File.ReadAllText(f)))
            .ToList();
        var nodes = definitions.SelectMany(d => d.Root.Activities).ToList();

        var builtIns = engine.Registry.Descriptors.Where(d => !d.Type.Contains('.', StringComparison.Ordinal)).Select(d => d.Type);
        Assert.Empty(builtIns.Except(nodes.Select(n => n.Type)));
        var expressionTypes = nodes.SelectMany(n => n.Inputs?.Values ?? []).Select(b => b.Expression.Type).Distinct();
        Assert.Empty(ExpressionType.All.Except(expressionTypes));
        Assert.Contains(nodes, n => n.Retry is not null);
        Assert.Contains(definitions, d => d.IncidentStrategy == IncidentStrategy.Continue);
    }
}
