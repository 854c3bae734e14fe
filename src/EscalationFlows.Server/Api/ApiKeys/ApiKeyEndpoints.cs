using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.ApiKeys;

/// <summary>API keys for integrations: admins create (the key is shown once), list (no secrets) and revoke them.</summary>
public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.RequireAuthorization(Permissions.ApiKeysManage);

        group.MapPost(string.Empty, CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key")
            .WithDescription("Body `{ name, roles[]?, expiresAt? }` (roles default to viewer). The response's `key` is shown only this once; callers send it as `X-Api-Key`. Only its hash is stored.")
            .AcceptsJson<CreateApiKeyRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet(string.Empty, ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("Lists API keys (without secrets)")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapDelete("/{id}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key")
            .WithDescription("The key stops working at once. 404 when there is no such key.")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Created<CreatedApiKeyResponse>> CreateAsync(HttpContext context, JsonRequestReader body, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var request = await body.ReadAsync<CreateApiKeyRequest>(context.Request, allowEmpty: false, cancellationToken);
        var (row, key) = await keys.CreateAsync(request.Name, request.Roles, request.ExpiresAt, CurrentUser.From(context.User).Id, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/api-keys/{row.Id}", new CreatedApiKeyResponse(ApiKeyResponse.From(row), key));
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyResponse>>> ListAsync(ApiKeyService keys, CancellationToken cancellationToken)
    {
        IReadOnlyList<ApiKeyResponse> list = [.. (await keys.ListAsync(cancellationToken)).Select(ApiKeyResponse.From)];
        return TypedResults.Ok(list);
    }

    private static async Task<NoContent> RevokeAsync(HttpContext context, ApiKeyService keys, string id, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(id, CurrentUser.From(context.User).Id, cancellationToken))
        {
            throw new ApiRequestException(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, $"There is no API key '{id}'.");
        }

        return TypedResults.NoContent();
    }
}
