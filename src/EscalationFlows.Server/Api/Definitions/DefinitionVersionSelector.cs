using System.Globalization;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Api.Definitions;

/// <summary>Which version a request means: a number, <c>latest</c> or <c>published</c>.</summary>
public sealed record DefinitionVersionSelector
{
    private DefinitionVersionSelector(string text, int? number)
    {
        Text = text;
        Number = number;
    }

    public string Text { get; }

    public int? Number { get; }

    public static DefinitionVersionSelector Latest { get; } = new("latest", null);

    public static DefinitionVersionSelector Published { get; } = new("published", null);

    public static DefinitionVersionSelector Of(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new DefinitionVersionSelector(number.ToString(CultureInfo.InvariantCulture), number);
    }

    /// <exception cref="ApiRequestException">400 naming <paramref name="parameter"/> when the text is none of the three.</exception>
    public static DefinitionVersionSelector Parse(string? text, string parameter, DefinitionVersionSelector? fallback = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback ?? throw ApiRequestException.BadParameter(parameter, $"The '{parameter}' query parameter is required: a version number, 'latest' or 'published'.");
        }

        if (string.Equals(text, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return Latest;
        }

        if (string.Equals(text, "published", StringComparison.OrdinalIgnoreCase))
        {
            return Published;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? new DefinitionVersionSelector(text, number)
            : throw ApiRequestException.BadParameter(parameter, $"'{text}' is not a version: use a number from 1, 'latest' or 'published'.");
    }

    /// <exception cref="WorkflowNotFoundException">No such definition or version.</exception>
    public async Task<DefinitionVersion> ResolveAsync(IWorkflowDefinitionStore store, string definitionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = Number is { } number
            ? await store.GetVersionAsync(definitionId, number, cancellationToken)
            : ReferenceEquals(this, Published)
                ? await store.GetPublishedAsync(definitionId, cancellationToken)
                : await store.GetLatestAsync(definitionId, cancellationToken);
        if (version is not null)
        {
            return version;
        }

        if (await store.GetLatestAsync(definitionId, cancellationToken) is null)
        {
            throw new WorkflowNotFoundException($"There is no workflow '{definitionId}'.");
        }

        throw new WorkflowNotFoundException(Number is { } n
            ? $"Workflow '{definitionId}' has no version {n}."
            : $"Workflow '{definitionId}' has no published version.");
    }
}
