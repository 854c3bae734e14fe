using System.Text;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Definitions;

/// <summary>Workflow definitions: versions, drafts, publishing, validation, diff, import and export.</summary>
public static class DefinitionEndpoints
{
    public static RouteGroupBuilder MapDefinitionEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(Permissions.DefinitionsRead)
            .WithName("ListWorkflowDefinitions")
            .WithSummary("Lists workflow definitions")
            .WithDescription("One summary per definition: latest and published version, version count, last update. `search` matches id, name and description (case-insensitive).");

        group.MapPost(string.Empty, SaveAsync)
            .RequireAuthorization(Permissions.DefinitionsEdit)
            .WithName("SaveWorkflowDefinition")
            .WithSummary("Saves a definition as a draft")
            .WithDescription("Validates the document (JSON syntax, schema, semantics). Creates version N+1 when the latest version was ever published (201), else updates the draft in place (200). The `version` in the body is ignored.")
            .AcceptsJson<WorkflowDefinition>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/validate", ValidateAsync)
            .RequireAuthorization(Permissions.DefinitionsEdit)
            .WithName("ValidateWorkflowDefinition")
            .WithSummary("Validates a definition without saving it")
            .WithDescription("Always 200 with every error (JSON pointer, code, message) unless the body cannot be read at all (413, 415).")
            .AcceptsJson<WorkflowDefinition>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

        group.MapPost("/import", ImportAsync)
            .RequireAuthorization(Permissions.DefinitionsEdit)
            .WithName("ImportWorkflowDefinition")
            .WithSummary("Imports a definition file")
            .WithDescription("Saves an exported definition like the save endpoint; with `publish=true` the saved version is also published.")
            .AcceptsJson<WorkflowDefinition>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{definitionId}", GetAsync)
            .RequireAuthorization(Permissions.DefinitionsRead)
            .WithName("GetWorkflowDefinition")
            .WithSummary("Gets one version of a definition")
            .WithDescription("`version` is a number, `latest` (default) or `published`.")
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapGet("/{definitionId}/versions", VersionsAsync)
            .RequireAuthorization(Permissions.DefinitionsRead)
            .WithName("ListWorkflowDefinitionVersions")
            .WithSummary("Lists every version of a definition, newest first")
            .ProducesApiProblems(StatusCodes.Status404NotFound);

        group.MapPost("/{definitionId}/publish", PublishAsync)
            .RequireAuthorization(Permissions.DefinitionsPublish)
            .WithName("PublishWorkflowDefinition")
            .WithSummary("Publishes a version")
            .WithDescription("Optional body `{ \"version\": N }` (default: the latest). Validates the version again; the previously published version is unpublished. Running instances stay on their version.")
            .AcceptsJson<PublishDefinitionRequest>(required: false)
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{definitionId}/retract", RetractAsync)
            .RequireAuthorization(Permissions.DefinitionsPublish)
            .WithName("RetractWorkflowDefinition")
            .WithSummary("Unpublishes the published version")
            .WithDescription("New instances can no longer start; running instances continue. 409 when nothing is published.")
            .ProducesApiProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapDelete("/{definitionId}/versions/{version:int}", DeleteVersionAsync)
            .RequireAuthorization(Permissions.DefinitionsEdit)
            .WithName("DeleteWorkflowDefinitionVersion")
            .WithSummary("Deletes a draft version")
            .WithDescription("409 when the version is or was ever published.")
            .ProducesApiProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapGet("/{definitionId}/diff", DiffAsync)
            .RequireAuthorization(Permissions.DefinitionsRead)
            .WithName("DiffWorkflowDefinitionVersions")
            .WithSummary("Compares two versions")
            .WithDescription("`from` and `to` are version numbers, `latest` or `published`. Lists activities added, removed and changed (with the changed fields) and connections added and removed.")
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapGet("/{definitionId}/export", ExportAsync)
            .RequireAuthorization(Permissions.DefinitionsRead)
            .WithName("ExportWorkflowDefinition")
            .WithSummary("Downloads a version as a definition file")
            .WithDescription("`version` is a number, `latest` (default) or `published`. The file can be imported again.")
            .Produces<WorkflowDefinition>(StatusCodes.Status200OK, "application/json")
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Ok<IReadOnlyList<DefinitionSummary>>> ListAsync(IWorkflowDefinitionStore store, string? search, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        IReadOnlyList<DefinitionSummary> matches = string.IsNullOrWhiteSpace(search)
            ? all
            : [.. all.Where(s => Contains(s.DefinitionId, search) || Contains(s.Name, search) || Contains(s.Description, search))];
        return TypedResults.Ok(matches);
    }

    private static async Task<Results<Created<DefinitionVersionResponse>, Ok<DefinitionVersionResponse>>> SaveAsync(
        HttpRequest request, JsonRequestReader body, WorkflowDefinitionReader reader, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var definition = await ReadDefinitionAsync(request, body, reader, cancellationToken);
        var (saved, created) = await SaveCoreAsync(store, definition, UserId(request.HttpContext), cancellationToken);
        return created ? TypedResults.Created(Location(saved), saved) : TypedResults.Ok(saved);
    }

    private static async Task<Ok<DefinitionValidationResponse>> ValidateAsync(
        HttpRequest request, JsonRequestReader body, WorkflowDefinitionReader reader, CancellationToken cancellationToken)
    {
        var text = await body.ReadTextAsync(request, cancellationToken);
        var result = reader.Read(text);
        return TypedResults.Ok(new DefinitionValidationResponse(result.IsValid, [.. result.Errors.Select(ApiError.From)]));
    }

    private static async Task<Results<Created<DefinitionVersionResponse>, Ok<DefinitionVersionResponse>>> ImportAsync(
        HttpRequest request, JsonRequestReader body, WorkflowDefinitionReader reader, IWorkflowDefinitionStore store, IAuthorizationService authorization, bool? publish,
        CancellationToken cancellationToken)
    {
        // Publishing while importing needs the publish permission too, checked before anything is read or saved.
        if (publish == true && !(await authorization.AuthorizeAsync(request.HttpContext.User, Permissions.DefinitionsPublish)).Succeeded)
        {
            throw new ApiRequestException(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden,
                $"Importing with publish=true needs the permission '{Permissions.DefinitionsPublish}'; import without it to save a draft.");
        }

        var definition = await ReadDefinitionAsync(request, body, reader, cancellationToken);
        var (saved, created) = await SaveCoreAsync(store, definition, UserId(request.HttpContext), cancellationToken);
        if (publish == true)
        {
            saved = DefinitionVersionResponse.From(await store.PublishAsync(saved.DefinitionId, saved.Version, UserId(request.HttpContext), cancellationToken));
        }

        return created ? TypedResults.Created(Location(saved), saved) : TypedResults.Ok(saved);
    }

    private static async Task<Ok<DefinitionVersionResponse>> GetAsync(IWorkflowDefinitionStore store, string definitionId, string? version, CancellationToken cancellationToken)
    {
        var selected = await DefinitionVersionSelector.Parse(version, "version", DefinitionVersionSelector.Latest).ResolveAsync(store, definitionId, cancellationToken);
        return TypedResults.Ok(DefinitionVersionResponse.From(selected));
    }

    private static async Task<Ok<IReadOnlyList<DefinitionVersionSummary>>> VersionsAsync(IWorkflowDefinitionStore store, string definitionId, CancellationToken cancellationToken)
    {
        var versions = await store.GetVersionsAsync(definitionId, cancellationToken);
        if (versions.Count == 0)
        {
            throw new Engine.Runtime.WorkflowNotFoundException($"There is no workflow '{definitionId}'.");
        }

        IReadOnlyList<DefinitionVersionSummary> summaries = [.. versions.Select(DefinitionVersionSummary.From)];
        return TypedResults.Ok(summaries);
    }

    private static async Task<Ok<DefinitionVersionResponse>> PublishAsync(
        HttpRequest request, JsonRequestReader body, WorkflowDefinitionReader reader, IWorkflowDefinitionStore store, string definitionId, CancellationToken cancellationToken)
    {
        var publish = await body.ReadAsync<PublishDefinitionRequest>(request, allowEmpty: true, cancellationToken);
        if (publish.Version is < 1)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidValue, "The version must be 1 or more.",
                [ApiError.At("/version", ApiErrorCodes.InvalidValue, "The version must be 1 or more.")]);
        }

        var selector = publish.Version is { } number ? DefinitionVersionSelector.Of(number) : DefinitionVersionSelector.Latest;
        var target = await selector.ResolveAsync(store, definitionId, cancellationToken);

        // The activity registry may have changed since the version was saved: validate it again before it can run.
        var check = reader.Read(WorkflowJson.ToNode(target.Definition));
        if (!check.IsValid)
        {
            throw new DefinitionValidationException(check.Errors);
        }

        var published = await store.PublishAsync(definitionId, target.Version, UserId(request.HttpContext), cancellationToken);
        return TypedResults.Ok(DefinitionVersionResponse.From(published));
    }

    private static async Task<Ok<DefinitionVersionResponse>> RetractAsync(HttpContext context, IWorkflowDefinitionStore store, string definitionId, CancellationToken cancellationToken)
    {
        var retracted = await store.RetractAsync(definitionId, UserId(context), cancellationToken);
        return TypedResults.Ok(DefinitionVersionResponse.From(retracted));
    }

    private static async Task<NoContent> DeleteVersionAsync(IWorkflowDefinitionStore store, string definitionId, int version, CancellationToken cancellationToken)
    {
        await store.DeleteVersionAsync(definitionId, version, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DefinitionDiff>> DiffAsync(IWorkflowDefinitionStore store, string definitionId, string? from, string? to, CancellationToken cancellationToken)
    {
        var fromSelector = DefinitionVersionSelector.Parse(from, "from");
        var toSelector = DefinitionVersionSelector.Parse(to, "to");
        var left = await fromSelector.ResolveAsync(store, definitionId, cancellationToken);
        var right = await toSelector.ResolveAsync(store, definitionId, cancellationToken);
        return TypedResults.Ok(DefinitionDiffer.Compare(left.Definition, right.Definition));
    }

    private static async Task<FileContentHttpResult> ExportAsync(IWorkflowDefinitionStore store, string definitionId, string? version, CancellationToken cancellationToken)
    {
        var selected = await DefinitionVersionSelector.Parse(version, "version", DefinitionVersionSelector.Latest).ResolveAsync(store, definitionId, cancellationToken);
        var json = WorkflowJson.Serialize(selected.Definition, indented: true) + "\n";
        return TypedResults.File(Encoding.UTF8.GetBytes(json), "application/json", $"{selected.DefinitionId}.v{selected.Version}.json");
    }

    private static async Task<WorkflowDefinition> ReadDefinitionAsync(HttpRequest request, JsonRequestReader body, WorkflowDefinitionReader reader, CancellationToken cancellationToken)
    {
        var text = await body.ReadTextAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.Required, "The request needs a workflow definition as its JSON body.",
                [ApiError.At(string.Empty, ApiErrorCodes.Required, "The request needs a workflow definition as its JSON body.")]);
        }

        var result = reader.Read(text);
        if (result.IsValid)
        {
            return result.Definition!;
        }

        var errors = result.Errors.Select(ApiError.From).ToList();
        if (result.Errors.Any(e => e.Code == DefinitionErrorCodes.InvalidJson))
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, result.Errors[0].Message.Replace("The document", "The body", StringComparison.Ordinal), errors);
        }

        throw new DefinitionValidationException(result.Errors);
    }

    private static async Task<(DefinitionVersionResponse Saved, bool Created)> SaveCoreAsync(IWorkflowDefinitionStore store, WorkflowDefinition definition, string user,
        CancellationToken cancellationToken)
    {
        var before = await store.GetLatestAsync(definition.DefinitionId, cancellationToken);
        var saved = await store.SaveAsync(definition, user, cancellationToken);
        return (DefinitionVersionResponse.From(saved), before is null || before.Version != saved.Version);
    }

    /// <summary>Who saves or publishes, as recorded with the version.</summary>
    private static string UserId(HttpContext context) => CurrentUser.From(context.User).Id;

    private static string Location(DefinitionVersionResponse saved) =>
        $"/api/workflow-definitions/{Uri.EscapeDataString(saved.DefinitionId)}?version={saved.Version}";

    private static bool Contains(string? text, string search) =>
        text is not null && text.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase);
}
