using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Tests.State;
using EscalationFlows.Engine.Tests.Support;
using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Engine.Tests.Snapshots;

/// <summary>
/// Formats others depend on (the definition schema, the stored instance state) change only on purpose. On a
/// difference the test writes NAME.received.json beside NAME.verified.json; ACCEPT_SNAPSHOTS=1 accepts it.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public void The_definition_schema_is_unchanged()
    {
        Snapshot.Match("workflow-definition-schema", DefinitionSchema.Instance.Text);
    }

    [Fact]
    public async Task The_state_of_a_suspended_instance_is_unchanged()
    {
        using var engine = new EngineHarness();

        var state = await InstanceStates.SuspendedWithEverything(engine);

        Snapshot.Match("suspended-instance-state", WorkflowJson.Serialize(state));
    }
}
