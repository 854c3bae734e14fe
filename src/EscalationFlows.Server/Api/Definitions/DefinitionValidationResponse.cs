using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Api.Definitions;

/// <summary>The verdict of the validate endpoint: valid, or every error with its JSON pointer.</summary>
public sealed record DefinitionValidationResponse(bool Valid, IReadOnlyList<ApiError> Errors);
