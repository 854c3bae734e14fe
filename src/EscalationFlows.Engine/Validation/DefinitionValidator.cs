using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;

namespace EscalationFlows.Engine.Validation;

/// <summary>
/// Checks what the schema cannot: activity types, ids, connections and ports, required inputs,
/// reachability, expressions that do not parse, and names that are not declared.
/// </summary>
public sealed class DefinitionValidator
{
    private readonly IActivityRegistry _registry;
    private readonly IExpressionEvaluator _expressions;

    public DefinitionValidator(IActivityRegistry registry, IExpressionEvaluator expressions)
    {
        _registry = registry;
        _expressions = expressions;
    }

    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition)
    {
        var errors = new List<DefinitionError>();
        var variables = CheckNames(definition.Variables?.Select(v => v.Name), "/variables", "variable", errors, reserved: true);
        var inputs = CheckNames(definition.Inputs?.Select(i => i.Name), "/inputs", "input", errors, reserved: true);
        CheckNames(definition.Outputs?.Select(o => o.Name), "/outputs", "output", errors, reserved: false);
        for (var i = 0; i < (definition.Outputs?.Count ?? 0); i++)
        {
            var output = definition.Outputs![i];
            if (!variables.Contains(output.SourceVariable))
            {
                errors.Add(new DefinitionError($"/outputs/{i}/{(output.Variable is null ? "name" : "variable")}", DefinitionErrorCodes.UndeclaredVariable,
                    $"The output '{output.Name}' takes its value from the variable '{output.SourceVariable}', which is not declared."));
            }
        }

        var activities = definition.Root.Activities;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < activities.Count; i++)
        {
            var node = activities[i];
            if (!ids.TryAdd(node.Id, i))
            {
                errors.Add(new DefinitionError($"{JsonPointers.Activity(i)}/id", DefinitionErrorCodes.DuplicateId,
                    $"The activity id '{node.Id}' is already used by activity #{ids[node.Id]}; ids must be unique."));
            }

            var activity = _registry.Find(node.Type);
            if (activity is null)
            {
                errors.Add(new DefinitionError($"{JsonPointers.Activity(i)}/type", DefinitionErrorCodes.UnknownActivityType,
                    $"'{node.Type}' is not a known activity type."));
                continue;
            }

            CheckActivity(definition, node, activity, i, variables, inputs, errors);
        }

        CheckConnections(definition, ids, errors);
        if (!errors.Any(e => e.Code is DefinitionErrorCodes.DuplicateId or DefinitionErrorCodes.UnknownActivityType or DefinitionErrorCodes.DanglingConnection))
        {
            CheckReachability(definition, errors);
        }

        return errors;
    }

    private static HashSet<string> CheckNames(IEnumerable<string>? names, string pointer, string what, List<DefinitionError> errors, bool reserved)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var name in names ?? [])
        {
            if (!seen.Add(name))
            {
                errors.Add(new DefinitionError($"{pointer}/{index}/name", DefinitionErrorCodes.DuplicateName, $"The {what} '{name}' is declared twice."));
            }

            if (reserved && ExpressionScope.ReservedNames.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new DefinitionError($"{pointer}/{index}/name", DefinitionErrorCodes.ReservedName,
                    $"'{name}' is a name expressions already use ({string.Join(", ", ExpressionScope.ReservedNames)}); choose another {what} name."));
            }

            index++;
        }

        return seen;
    }

    private void CheckActivity(WorkflowDefinition definition, ActivityNode node, Activity activity, int index,
        HashSet<string> variables, HashSet<string> inputs, List<DefinitionError> errors)
    {
        var descriptor = activity.Descriptor;
        var pointer = JsonPointers.Activity(index);
        foreach (var required in descriptor.Inputs.Where(d => d.Required && d.Default is null))
        {
            if (node.GetInput(required.Name) is null)
            {
                errors.Add(new DefinitionError($"{pointer}/inputs", DefinitionErrorCodes.MissingRequiredInput,
                    $"Activity '{node.DisplayName}' ({node.Type}) needs the input '{required.Name}'."));
            }
        }

        foreach (var (name, binding) in node.Inputs ?? new Dictionary<string, InputBinding>())
        {
            var inputPointer = JsonPointers.ActivityInput(index, name);
            var input = descriptor.FindInput(name);
            if (input is null)
            {
                errors.Add(new DefinitionError(inputPointer, DefinitionErrorCodes.UnknownInput,
                    $"{node.Type} has no input '{name}'; it takes {(descriptor.Inputs.Count == 0 ? "no inputs" : string.Join(", ", descriptor.Inputs.Select(d => d.Name)))}."));
                continue;
            }

            if (!input.SupportsExpressions && binding.Expression.Type != ExpressionType.Literal)
            {
                errors.Add(new DefinitionError($"{inputPointer}/expression/type", DefinitionErrorCodes.ExpressionNotAllowed,
                    $"The input '{name}' of {node.Type} takes a literal value only."));
                continue;
            }

            if (binding.Expression.Type == ExpressionType.Literal && binding.Expression.Value is { } literal && ValueTypes.Describe(literal, input.Type) is { } mismatch)
            {
                errors.Add(new DefinitionError($"{inputPointer}/expression/value", DefinitionErrorCodes.InvalidValue, $"The input '{name}' {mismatch}."));
                continue;
            }

            if (binding.Expression.Type == ExpressionType.Literal && input.Options is { Count: > 0 } options
                && binding.Expression.Text is { } choice && !options.Contains(choice, StringComparer.Ordinal))
            {
                errors.Add(new DefinitionError($"{inputPointer}/expression/value", DefinitionErrorCodes.InvalidValue,
                    $"'{choice}' is not a choice for the input '{name}' of {node.Type}; use one of {string.Join(", ", options)}."));
                continue;
            }

            CheckExpression(binding.Expression, $"{inputPointer}/expression", variables, inputs, errors);
        }

        foreach (var (output, variable) in node.Outputs ?? new Dictionary<string, string>())
        {
            if (!descriptor.Outputs.Any(o => string.Equals(o.Name, output, StringComparison.Ordinal)))
            {
                errors.Add(new DefinitionError($"{pointer}/outputs/{JsonPointers.Escape(output)}", DefinitionErrorCodes.UnknownOutput,
                    $"{node.Type} has no output '{output}'{(descriptor.Outputs.Count == 0 ? "." : $"; it has {string.Join(", ", descriptor.Outputs.Select(o => o.Name))}.")}"));
            }

            if (!variables.Contains(variable))
            {
                errors.Add(new DefinitionError($"{pointer}/outputs/{JsonPointers.Escape(output)}", DefinitionErrorCodes.UndeclaredVariable,
                    $"The output '{output}' is stored in the variable '{variable}', which is not declared."));
            }
        }

        if (node.Retry is { } retry)
        {
            foreach (var (field, value) in new[] { ("delay", retry.Delay), ("maxDelay", retry.MaxDelay) })
            {
                if (value is not null && !Durations.TryParse(value, out _))
                {
                    errors.Add(new DefinitionError($"{pointer}/retry/{field}", DefinitionErrorCodes.InvalidValue, $"'{value}' is not a duration; write ISO 8601 such as PT30S."));
                }
            }
        }

        activity.Validate(node, new ActivityValidationContext(definition, pointer, errors,
            (expression, at) => CheckExpression(expression, at, variables, inputs, errors)));
    }

    private void CheckExpression(ExpressionDefinition expression, string pointer, HashSet<string> variables, HashSet<string> inputs, List<DefinitionError> errors)
    {
        foreach (var problem in _expressions.Check(expression))
        {
            if (problem.VariableName is { } name)
            {
                if (problem.Code == "input-reference" && !inputs.Contains(name))
                {
                    errors.Add(new DefinitionError($"{pointer}/value", DefinitionErrorCodes.UndeclaredInput, $"The input '{name}' is not declared in the workflow's inputs."));
                }
                else if (problem.Code == "variable-reference" && !variables.Contains(name))
                {
                    errors.Add(new DefinitionError($"{pointer}/value", DefinitionErrorCodes.UndeclaredVariable, $"The variable '{name}' is not declared; add it to the workflow's variables."));
                }

                continue;
            }

            errors.Add(new DefinitionError($"{pointer}/value", DefinitionErrorCodes.ExpressionParse, problem.Message));
        }
    }

    private void CheckConnections(WorkflowDefinition definition, Dictionary<string, int> ids, List<DefinitionError> errors)
    {
        var connections = definition.Root.Connections;
        for (var i = 0; i < connections.Count; i++)
        {
            var connection = connections[i];
            var pointer = JsonPointers.Connection(i);
            var sourceKnown = ids.TryGetValue(connection.Source.Activity, out var sourceIndex);
            if (!sourceKnown)
            {
                errors.Add(new DefinitionError($"{pointer}/source/activity", DefinitionErrorCodes.DanglingConnection,
                    $"The connection starts at '{connection.Source.Activity}', which is not an activity of this workflow."));
            }

            if (!ids.ContainsKey(connection.Target.Activity))
            {
                errors.Add(new DefinitionError($"{pointer}/target/activity", DefinitionErrorCodes.DanglingConnection,
                    $"The connection ends at '{connection.Target.Activity}', which is not an activity of this workflow."));
            }

            if (!sourceKnown)
            {
                continue;
            }

            var node = definition.Root.Activities[sourceIndex];
            if (_registry.Find(node.Type) is { } activity)
            {
                var ports = activity.GetPorts(node);
                if (!ports.Contains(connection.SourcePort, StringComparer.Ordinal))
                {
                    errors.Add(new DefinitionError(connection.Source.Port is null ? $"{pointer}/source" : $"{pointer}/source/port", DefinitionErrorCodes.UnknownPort,
                        ports.Count == 0
                            ? $"'{node.DisplayName}' ({node.Type}) has no outgoing ports."
                            : $"'{node.DisplayName}' ({node.Type}) has no port '{connection.SourcePort}'; its ports are {string.Join(", ", ports)}."));
                }
            }
        }
    }

    private void CheckReachability(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        if (definition.Root.Activities.Count == 0)
        {
            return;
        }

        var graph = WorkflowGraph.Build(definition, _registry);
        var roots = graph.StartActivityIds
            .Concat(definition.Root.Activities.Where(a => _registry.Find(a.Type)?.Descriptor.Kind == ActivityKind.Trigger).Select(a => a.Id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (roots.Count == 0)
        {
            errors.Add(new DefinitionError("/root/activities", DefinitionErrorCodes.NoStart,
                "The workflow has no place to begin: add a Start activity, or a trigger, or an activity without incoming connections."));
            return;
        }

        var activities = definition.Root.Activities;
        for (var i = 0; i < activities.Count; i++)
        {
            var id = activities[i].Id;
            if (!roots.Any(root => graph.CanReach(root, id, avoid: string.Empty)))
            {
                errors.Add(new DefinitionError(JsonPointers.Activity(i), DefinitionErrorCodes.UnreachableActivity,
                    $"Activity '{activities[i].DisplayName}' can never run: no path leads to it from a start or trigger activity."));
            }
        }
    }
}
