using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Api.Sla;

/// <summary>Turns the SLA module's exceptions into the API's problem details (via <see cref="ApiRequestException"/>).</summary>
public static class SlaApiErrors
{
    /// <summary>Runs <paramref name="action"/>; invalid definitions become 422 <paramref name="invalidCode"/>, unknown ids 404, rejected clock events 409.</summary>
    public static async Task<T> Translate<T>(string invalidCode, string invalidDetail, Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (SlaDefinitionException ex)
        {
            throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, invalidCode, invalidDetail, [.. ex.Errors.Select(ApiError.From)]);
        }
        catch (SlaNotFoundException ex)
        {
            throw new ApiRequestException(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, ex.Message);
        }
        catch (SlaClockEventException ex)
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, SlaApiErrorCodes.ClockEventRejected, ex.Message,
                [ApiError.At(string.Empty, ex.Code, ex.Message)]);
        }
    }

    public static ApiRequestException NotFound(string message) => new(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, message);
}
