namespace EscalationFlows.Server.Http;

/// <summary>The <c>code</c> values of problem details and of their <c>errors</c> entries, besides the definition error codes.</summary>
public static class ApiErrorCodes
{
    public const string InvalidJson = "invalid-json";
    public const string BodyTooLarge = "body-too-large";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string InvalidEncoding = "invalid-encoding";
    public const string Required = "required";
    public const string InvalidType = "invalid-type";
    public const string InvalidValue = "invalid-value";
    public const string InvalidParameter = "invalid-parameter";
    public const string InvalidInput = "invalid-input";
    public const string DefinitionInvalid = "definition-invalid";
    public const string InputInvalid = "input-invalid";
    public const string NotFound = "not-found";
    public const string BookmarkConflict = "bookmark-conflict";
    public const string DefinitionConflict = "definition-conflict";
    public const string ConcurrencyConflict = "concurrency-conflict";
    public const string InstanceNotFaulted = "instance-not-faulted";
    public const string BadRequest = "bad-request";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string InternalError = "internal-error";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string CrossOriginRequest = "cross-origin-request";
    public const string SignInFailed = "sign-in-failed";
    public const string Conflict = "conflict";
    public const string BookmarkInternal = "bookmark-internal";
    public const string TaskNotOpen = "task-not-open";
    public const string TaskChanged = "task-changed";
    public const string TaskAssigned = "task-assigned";
    public const string TaskNotAssigned = "task-not-assigned";
    public const string FormInvalid = "form-invalid";
    public const string OutcomeUnknown = "outcome-unknown";
    public const string ClientLinkInvalid = "client-link-invalid";
    public const string ClientLinkExpired = "client-link-expired";
    public const string ClientLinkRevoked = "client-link-revoked";
    public const string ClientLinkUsed = "client-link-used";
    public const string ClientLinkUnusable = "client-link-unusable";
    public const string EscalationInvalid = "escalation-invalid";
    public const string EscalationExists = "escalation-exists";
    public const string EscalationClosed = "escalation-closed";
    public const string EscalationNotOpened = "escalation-not-opened";
    public const string EscalationConflict = "escalation-conflict";
    public const string EscalationAtTop = "escalation-at-top";
    public const string WorkflowNotPublished = "workflow-not-published";
    public const string ConfirmationClosed = "confirmation-closed";
}
