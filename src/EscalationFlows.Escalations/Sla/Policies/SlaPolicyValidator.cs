using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Escalations.Sla.Policies;

/// <summary>Checks an <see cref="SlaPolicy"/> and reports every problem with a JSON pointer and a plain sentence.</summary>
public static class SlaPolicyValidator
{
    /// <summary>Largest target accepted: ten years of minutes.</summary>
    public const int MaxTargetMinutes = 10 * 366 * 24 * 60;

    /// <summary>Largest threshold percentage accepted.</summary>
    public const int MaxThresholdPercent = 1000;

    /// <summary>Validates the policy; an empty list means it is valid.</summary>
    public static IReadOnlyList<DefinitionError> Validate(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new ValidationErrorList();
        errors.Identifier("/id", policy.Id, "policy id");
        errors.Text("/name", policy.Name, "policy name");
        if (policy.Version < 1)
        {
            errors.Add("/version", SlaErrorCodes.OutOfRange, $"The version must be 1 or more (it is {policy.Version}).");
        }

        errors.Identifier("/calendarId", policy.CalendarId, "calendar id");
        ValidateTargets(policy.Targets, errors);
        ValidatePauseConditions(policy.PauseConditions, errors);
        ValidateThresholds(policy.Thresholds, errors);
        return errors.Errors;
    }

    private static void ValidateTargets(IReadOnlyList<SlaTarget>? targets, ValidationErrorList errors)
    {
        if (targets is null || targets.Count == 0)
        {
            errors.Add("/targets", SlaErrorCodes.Required, $"The targets are required: one per priority {SlaPolicy.HighestPriority} to {SlaPolicy.LowestPriority}, each with responseMinutes and resolutionMinutes.");
            return;
        }

        var seen = new Dictionary<(int, string), int>();
        for (var i = 0; i < targets.Count; i++)
        {
            var pointer = $"/targets/{i}";
            var target = targets[i];
            if (target is null)
            {
                errors.Add(pointer, SlaErrorCodes.Required, "A target must be an object with priority, responseMinutes and resolutionMinutes.");
                continue;
            }

            var priorityOk = target.Priority is >= SlaPolicy.HighestPriority and <= SlaPolicy.LowestPriority;
            if (!priorityOk)
            {
                errors.Add($"{pointer}/priority", SlaErrorCodes.OutOfRange, $"The priority must be {SlaPolicy.HighestPriority} to {SlaPolicy.LowestPriority} (it is {target.Priority}).");
            }

            var tierOk = target.Tier is null || (target.Tier.Trim().Length == 0
                ? Fail(errors, $"{pointer}/tier", "The client tier is empty; omit it for the priority's default target.")
                : errors.Identifier($"{pointer}/tier", target.Tier, "client tier"));
            var responseOk = Minutes($"{pointer}/responseMinutes", target.ResponseMinutes, "response target", errors);
            var resolutionOk = Minutes($"{pointer}/resolutionMinutes", target.ResolutionMinutes, "resolution target", errors);
            if (responseOk && resolutionOk && target.ResponseMinutes > target.ResolutionMinutes)
            {
                errors.Add($"{pointer}/responseMinutes", SlaErrorCodes.Inconsistent, $"The response target ({target.ResponseMinutes} min) is longer than the resolution target ({target.ResolutionMinutes} min).");
            }

            if (priorityOk && tierOk)
            {
                var key = (target.Priority, target.Tier?.ToLowerInvariant() ?? string.Empty);
                if (!seen.TryAdd(key, i))
                {
                    var tierText = target.Tier is null ? "without a tier" : $"for tier '{target.Tier}'";
                    errors.Add(pointer, SlaErrorCodes.Duplicate, $"Priority {target.Priority} {tierText} already has a target at /targets/{seen[key]}.");
                }
            }
        }

        for (var priority = SlaPolicy.HighestPriority; priority <= SlaPolicy.LowestPriority; priority++)
        {
            if (!seen.ContainsKey((priority, string.Empty)))
            {
                errors.Add("/targets", SlaErrorCodes.Inconsistent, $"There is no default target (one without a tier) for priority {priority}.");
            }
        }
    }

    private static bool Fail(ValidationErrorList errors, string pointer, string message)
    {
        errors.Add(pointer, SlaErrorCodes.InvalidFormat, message);
        return false;
    }

    private static bool Minutes(string pointer, int minutes, string what, ValidationErrorList errors)
    {
        if (minutes is < 1 or > MaxTargetMinutes)
        {
            errors.Add(pointer, SlaErrorCodes.OutOfRange, $"The {what} must be 1 to {MaxTargetMinutes} business minutes (it is {minutes}).");
            return false;
        }

        return true;
    }

    private static void ValidatePauseConditions(IReadOnlyList<SlaPauseCondition>? conditions, ValidationErrorList errors)
    {
        if (conditions is null)
        {
            errors.Add("/pauseConditions", SlaErrorCodes.Required, "The pause conditions must be a list (omit the property for the defaults, use [] for none).");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < conditions.Count; i++)
        {
            var pointer = $"/pauseConditions/{i}";
            var condition = conditions[i];
            if (condition is null)
            {
                errors.Add(pointer, SlaErrorCodes.Required, "A pause condition must be an object with a status and a reason.");
                continue;
            }

            if (errors.Identifier($"{pointer}/status", condition.Status, "status") && !seen.TryAdd(condition.Status, i))
            {
                errors.Add($"{pointer}/status", SlaErrorCodes.Duplicate, $"The status '{condition.Status}' already pauses the clock at /pauseConditions/{seen[condition.Status]}.");
            }

            errors.Text($"{pointer}/reason", condition.Reason, "pause reason");
        }
    }

    private static void ValidateThresholds(IReadOnlyList<SlaThreshold>? thresholds, ValidationErrorList errors)
    {
        if (thresholds is null)
        {
            errors.Add("/thresholds", SlaErrorCodes.Required, "The thresholds must be a list (omit the property for the defaults, use [] for none).");
            return;
        }

        var seen = new Dictionary<int, int>();
        for (var i = 0; i < thresholds.Count; i++)
        {
            var pointer = $"/thresholds/{i}";
            var threshold = thresholds[i];
            if (threshold is null)
            {
                errors.Add(pointer, SlaErrorCodes.Required, "A threshold must be an object with percent, name and action.");
                continue;
            }

            if (threshold.Percent is < 1 or > MaxThresholdPercent)
            {
                errors.Add($"{pointer}/percent", SlaErrorCodes.OutOfRange, $"The percentage must be 1 to {MaxThresholdPercent} (it is {threshold.Percent}).");
            }
            else if (!seen.TryAdd(threshold.Percent, i))
            {
                errors.Add($"{pointer}/percent", SlaErrorCodes.Duplicate, $"There is already a {threshold.Percent} % threshold at /thresholds/{seen[threshold.Percent]}.");
            }

            errors.Text($"{pointer}/name", threshold.Name, "threshold name");
            if (string.IsNullOrWhiteSpace(threshold.Action))
            {
                errors.Add($"{pointer}/action", SlaErrorCodes.Required, "The action label is required, for example warn, escalate or breach.");
            }
            else if (threshold.Action.Length > 50 || !threshold.Action.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || !char.IsAsciiLetterLower(threshold.Action[0]))
            {
                errors.Add($"{pointer}/action", SlaErrorCodes.InvalidFormat, $"The action label '{threshold.Action}' must be lowercase letters, digits and '-', starting with a letter (for example warn, escalate or breach).");
            }
        }
    }
}
