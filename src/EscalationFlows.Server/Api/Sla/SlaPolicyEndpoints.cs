using EscalationFlows.Server.Auth;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Sla;

/// <summary>SLA policies: targets per priority and tier, calendar, pause conditions, thresholds; saved as versions.</summary>
public static class SlaPolicyEndpoints
{
    public static RouteGroupBuilder MapSlaPolicyEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(Permissions.SlaRead)
            .WithName("ListSlaPolicies")
            .WithSummary("Lists the latest version of every SLA policy");

        group.MapPost(string.Empty, SaveAsync)
            .RequireAuthorization(Permissions.SlaManage)
            .WithName("SaveSlaPolicy")
            .WithSummary("Saves an SLA policy as a new version")
            .WithDescription("Validates the policy (every problem with a JSON pointer; the calendar must exist). A document equal to the latest version saves nothing (200); otherwise it becomes version latest + 1 (201, the `version` in the body is ignored) and every open clock on the policy gets the new targets and thresholds, with its timers rescheduled.")
            .AcceptsJson<SlaPolicy>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{policyId}", GetAsync)
            .RequireAuthorization(Permissions.SlaRead)
            .WithName("GetSlaPolicy")
            .WithSummary("Gets an SLA policy (the latest version, or `version`)")
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapPut("/{policyId}", PutAsync)
            .RequireAuthorization(Permissions.SlaManage)
            .WithName("PutSlaPolicy")
            .WithSummary("Saves a new version of the SLA policy with this id")
            .WithDescription("Like POST; the body's `id` must be absent or equal the route's.")
            .AcceptsJson<SlaPolicy>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{policyId}/versions", VersionsAsync)
            .RequireAuthorization(Permissions.SlaRead)
            .WithName("ListSlaPolicyVersions")
            .WithSummary("Lists every version of an SLA policy, newest first")
            .ProducesApiProblems(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Ok<IReadOnlyList<SlaPolicyResponse>>> ListAsync(ISlaStore store, CancellationToken cancellationToken)
    {
        var policies = await store.ReadAsync((session, ct) => session.ListPoliciesAsync(ct), cancellationToken);
        IReadOnlyList<SlaPolicyResponse> response = [.. policies.Select(SlaPolicyResponse.From)];
        return TypedResults.Ok(response);
    }

    private static async Task<Ok<SlaPolicyResponse>> GetAsync(ISlaStore store, string policyId, int? version, CancellationToken cancellationToken)
    {
        if (version is < 1)
        {
            throw ApiRequestException.BadParameter("version", "The version must be 1 or more; leave it out for the latest.");
        }

        var policy = await store.ReadAsync((session, ct) => session.GetPolicyAsync(policyId, version, ct), cancellationToken)
            ?? throw SlaApiErrors.NotFound(version is null ? $"There is no SLA policy '{policyId}'." : $"The SLA policy '{policyId}' has no version {version}.");
        return TypedResults.Ok(SlaPolicyResponse.From(policy));
    }

    private static async Task<Ok<IReadOnlyList<SlaPolicyResponse>>> VersionsAsync(ISlaStore store, string policyId, CancellationToken cancellationToken)
    {
        var versions = await store.ReadAsync((session, ct) => session.GetPolicyVersionsAsync(policyId, ct), cancellationToken);
        if (versions.Count == 0)
        {
            throw SlaApiErrors.NotFound($"There is no SLA policy '{policyId}'.");
        }

        IReadOnlyList<SlaPolicyResponse> response = [.. versions.Select(SlaPolicyResponse.From)];
        return TypedResults.Ok(response);
    }

    private static async Task<Results<Created<SlaSaveResponse<SlaPolicyResponse>>, Ok<SlaSaveResponse<SlaPolicyResponse>>>> SaveAsync(HttpRequest request, JsonRequestReader body,
        ISlaStore store, SlaMaintenance maintenance, TimeProvider clock, CancellationToken cancellationToken)
    {
        var policy = await body.ReadAsync<SlaPolicy>(request, allowEmpty: false, cancellationToken);
        return await SaveCoreAsync(policy, store, maintenance, clock, cancellationToken);
    }

    private static async Task<Results<Created<SlaSaveResponse<SlaPolicyResponse>>, Ok<SlaSaveResponse<SlaPolicyResponse>>>> PutAsync(HttpRequest request, JsonRequestReader body,
        ISlaStore store, SlaMaintenance maintenance, TimeProvider clock, string policyId, CancellationToken cancellationToken)
    {
        var policy = await body.ReadAsync<SlaPolicy>(request, allowEmpty: false, cancellationToken);
        if (string.IsNullOrEmpty(policy.Id))
        {
            policy = policy with { Id = policyId };
        }
        else if (!string.Equals(policy.Id, policyId, StringComparison.Ordinal))
        {
            throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, SlaApiErrorCodes.PolicyInvalid, "The body's id differs from the one in the address.",
                [ApiError.At("/id", SlaErrorCodes.Inconsistent, $"The id '{policy.Id}' differs from '{policyId}' in the address; leave it out or make them equal.")]);
        }

        return await SaveCoreAsync(policy, store, maintenance, clock, cancellationToken);
    }

    private static async Task<Results<Created<SlaSaveResponse<SlaPolicyResponse>>, Ok<SlaSaveResponse<SlaPolicyResponse>>>> SaveCoreAsync(SlaPolicy policy, ISlaStore store,
        SlaMaintenance maintenance, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var result = await SlaApiErrors.Translate(SlaApiErrorCodes.PolicyInvalid, "The SLA policy is invalid; see errors for every problem found.",
            () => store.ExecuteAsync((session, ct) => SlaConfigurationService.SavePolicyAsync(session, policy, now, ct), cancellationToken));
        var updated = result.Created ? await maintenance.RecomputeOutdatedAsync(cancellationToken) : 0;
        var saved = await store.ReadAsync((session, ct) => session.GetPolicyAsync(result.Saved.Id, result.Version, ct), cancellationToken)
            ?? throw new InvalidOperationException($"The SLA policy '{result.Saved.Id}' v{result.Version} vanished right after it was saved.");
        var response = new SlaSaveResponse<SlaPolicyResponse>(result.Created, updated, SlaPolicyResponse.From(saved));
        return result.Created
            ? TypedResults.Created($"/api/sla/policies/{Uri.EscapeDataString(saved.Policy.Id)}?version={saved.Policy.Version}", response)
            : TypedResults.Ok(response);
    }
}
