using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Server.Hosting;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Import;

/// <summary>
/// Imports the shipped workflow files at startup. A new definition is saved and published; a file that differs from
/// the latest version ever published (compared as a definition, ignoring its version number) becomes a new published
/// version; an identical file changes nothing. An invalid file is logged with every error and skipped.
/// </summary>
public sealed partial class WorkflowImporter
{
    public const string ImportUser = "startup-import";

    private readonly IWorkflowDefinitionStore _store;
    private readonly WorkflowDefinitionReader _reader;
    private readonly WorkflowImportOptions _options;
    private readonly ServerLimitsOptions _limits;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<WorkflowImporter> _logger;

    public WorkflowImporter(IWorkflowDefinitionStore store, WorkflowDefinitionReader reader, IOptions<WorkflowImportOptions> options, IOptions<ServerLimitsOptions> limits,
        IHostEnvironment environment, ILogger<WorkflowImporter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        _store = store;
        _reader = reader;
        _options = options.Value;
        _limits = limits.Value;
        _environment = environment;
        _logger = logger;
    }

    public async Task<WorkflowImportReport> ImportAsync(CancellationToken cancellationToken)
    {
        var folder = WorkflowFolderLocator.Find(_options.ImportPath, _environment.ContentRootPath);
        if (folder is null)
        {
            LogNoFolder(_logger, string.IsNullOrWhiteSpace(_options.ImportPath) ? "(none found near the content root)" : _options.ImportPath);
            return new WorkflowImportReport(null, []);
        }

        var outcomes = new List<WorkflowImportOutcome>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            outcomes.Add(await ImportFileAsync(file, seen, cancellationToken));
        }

        var report = new WorkflowImportReport(folder, outcomes);
        LogSummary(_logger, folder, report.Count(WorkflowImportAction.Created), report.Count(WorkflowImportAction.Updated), report.Count(WorkflowImportAction.Unchanged),
            report.Count(WorkflowImportAction.Invalid) + report.Count(WorkflowImportAction.Duplicate));
        return report;
    }

    private async Task<WorkflowImportOutcome> ImportFileAsync(string file, Dictionary<string, string> seen, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        DefinitionReadResult result;
        if (new FileInfo(file).Length > _limits.MaxRequestBodyBytes)
        {
            result = new DefinitionReadResult(null, null,
                [new DefinitionError(string.Empty, DefinitionErrorCodes.InvalidJson, $"The file is larger than the limit of {_limits.MaxRequestBodyBytes} bytes (Limits:MaxRequestBodyBytes).")]);
        }
        else
        {
            result = _reader.Read(await File.ReadAllTextAsync(file, cancellationToken));
        }

        if (!result.IsValid)
        {
            foreach (var error in result.Errors)
            {
                LogInvalid(_logger, name, error.Pointer.Length == 0 ? "/" : error.Pointer, error.Code, error.Message);
            }

            return new WorkflowImportOutcome(name, WorkflowImportAction.Invalid, null, null, result.Errors);
        }

        var definition = result.Definition!;
        var id = definition.DefinitionId;
        if (!seen.TryAdd(id, name))
        {
            LogDuplicate(_logger, name, id, seen[id]);
            return new WorkflowImportOutcome(name, WorkflowImportAction.Duplicate, id, null, []);
        }

        var versions = await _store.GetVersionsAsync(id, cancellationToken);
        if (versions.Count == 0)
        {
            var created = await SaveAndPublishAsync(definition, cancellationToken);
            LogCreated(_logger, name, id, created.Version);
            return new WorkflowImportOutcome(name, WorkflowImportAction.Created, id, created.Version, []);
        }

        var lastPublished = versions.Where(v => v.PublishedAt is not null).MaxBy(v => v.Version);
        if (lastPublished is not null && SameContent(lastPublished.Definition, definition))
        {
            LogUnchanged(_logger, name, id, lastPublished.Version);
            return new WorkflowImportOutcome(name, WorkflowImportAction.Unchanged, id, lastPublished.Version, []);
        }

        var latest = versions.MaxBy(v => v.Version)!;
        if (latest.PublishedAt is null)
        {
            LogDraftReplaced(_logger, name, id, latest.Version);
        }

        var updated = await SaveAndPublishAsync(definition, cancellationToken);
        LogUpdated(_logger, name, id, updated.Version, lastPublished?.Version);
        return new WorkflowImportOutcome(name, WorkflowImportAction.Updated, id, updated.Version, []);
    }

    private async Task<DefinitionVersion> SaveAndPublishAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        var saved = await _store.SaveAsync(definition, ImportUser, cancellationToken);
        return await _store.PublishAsync(saved.DefinitionId, saved.Version, ImportUser, cancellationToken);
    }

    /// <summary>Equal as definitions (canonical JSON), ignoring the version number.</summary>
    public static bool SameContent(WorkflowDefinition stored, WorkflowDefinition file)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(file);
        return string.Equals(DefinitionHashes.Compute(stored with { Version = 1 }), DefinitionHashes.Compute(file with { Version = 1 }), StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No workflow import folder {Path}; no workflows were imported")]
    private static partial void LogNoFolder(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow file {File} is invalid at {Pointer} [{Code}]: {Message}")]
    private static partial void LogInvalid(ILogger logger, string file, string pointer, string code, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow file {File} defines {DefinitionId}, which {OtherFile} already defines; it is skipped")]
    private static partial void LogDuplicate(ILogger logger, string file, string definitionId, string otherFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported new workflow {DefinitionId} from {File}: version {Version} published")]
    private static partial void LogCreated(ILogger logger, string file, string definitionId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow file {File} changed: {DefinitionId} version {Version} published (previously published: {PreviousVersion})")]
    private static partial void LogUpdated(ILogger logger, string file, string definitionId, int version, int? previousVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow file {File} replaces the unpublished draft version {Version} of {DefinitionId}")]
    private static partial void LogDraftReplaced(ILogger logger, string file, string definitionId, int version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Workflow file {File} is unchanged: {DefinitionId} version {Version}")]
    private static partial void LogUnchanged(ILogger logger, string file, string definitionId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported workflows from {Folder}: {Created} new, {Updated} changed, {Unchanged} unchanged, {Rejected} rejected")]
    private static partial void LogSummary(ILogger logger, string folder, int created, int updated, int unchanged, int rejected);
}
