using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Expressions;

namespace EscalationFlows.Engine.Execution;

/// <summary>What the executor and activity contexts need from the host.</summary>
public sealed record WorkflowExecutorServices(
    IActivityRegistry Registry,
    IExpressionEvaluator Expressions,
    TimeProvider Clock,
    IIdGenerator Ids,
    IServiceProvider ServiceProvider);
