using System.Net;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Hosting;

[Collection(ServerCollection.Name)]
public sealed class OpenApiTests(ServerFixture server)
{
    /// <summary>The contract the studio and other issues build on: every operation, by path and method.</summary>
    public static readonly TheoryData<string, string, string> Operations = new()
    {
        { "/api/workflow-definitions", "get", "ListWorkflowDefinitions" },
        { "/api/workflow-definitions", "post", "SaveWorkflowDefinition" },
        { "/api/workflow-definitions/validate", "post", "ValidateWorkflowDefinition" },
        { "/api/workflow-definitions/import", "post", "ImportWorkflowDefinition" },
        { "/api/workflow-definitions/{definitionId}", "get", "GetWorkflowDefinition" },
        { "/api/workflow-definitions/{definitionId}/versions", "get", "ListWorkflowDefinitionVersions" },
        { "/api/workflow-definitions/{definitionId}/publish", "post", "PublishWorkflowDefinition" },
        { "/api/workflow-definitions/{definitionId}/retract", "post", "RetractWorkflowDefinition" },
        { "/api/workflow-definitions/{definitionId}/versions/{version}", "delete", "DeleteWorkflowDefinitionVersion" },
        { "/api/workflow-definitions/{definitionId}/diff", "get", "DiffWorkflowDefinitionVersions" },
        { "/api/workflow-definitions/{definitionId}/export", "get", "ExportWorkflowDefinition" },
        { "/api/workflow-instances", "post", "StartWorkflowInstance" },
        { "/api/workflow-instances", "get", "ListWorkflowInstances" },
        { "/api/workflow-instances/{id}", "get", "GetWorkflowInstance" },
        { "/api/workflow-instances/{id}/journal", "get", "GetWorkflowInstanceJournal" },
        { "/api/workflow-instances/{id}/cancel", "post", "CancelWorkflowInstance" },
        { "/api/workflow-instances/{id}/retry", "post", "RetryWorkflowInstance" },
        { "/api/bookmarks/{bookmarkId}/resume", "post", "ResumeBookmark" },
        { "/api/events/{eventName}", "post", "PublishEvent" },
        { "/api/activity-descriptors", "get", "ListActivityDescriptors" },
        { "/api/auth/login", "post", "Login" },
        { "/api/auth/logout", "post", "Logout" },
        { "/api/auth/me", "get", "GetCurrentUser" },
        { "/api/users", "post", "CreateUser" },
        { "/api/users", "get", "ListUsers" },
        { "/api/teams", "post", "CreateTeam" },
        { "/api/teams", "get", "ListTeams" },
        { "/api/api-keys", "post", "CreateApiKey" },
        { "/api/api-keys", "get", "ListApiKeys" },
        { "/api/api-keys/{id}", "delete", "RevokeApiKey" },
        { "/api/tasks", "get", "ListTasks" },
        { "/api/tasks/{id}", "get", "GetTask" },
        { "/api/tasks/{id}/claim", "post", "ClaimTask" },
        { "/api/tasks/{id}/release", "post", "ReleaseTask" },
        { "/api/tasks/{id}/reassign", "post", "ReassignTask" },
        { "/api/tasks/{id}/complete", "post", "CompleteTask" },
        { "/api/tasks/{id}/client-link", "post", "IssueTaskClientLink" },
        { "/api/client-links/{id}", "delete", "RevokeClientLink" },
        { "/api/client/{token}", "get", "GetClientRequest" },
        { "/api/client/{token}/respond", "post", "RespondToClientRequest" },
        { "/api/tickets", "post", "RegisterTicket" },
        { "/api/tickets/{ticketId}", "get", "GetTicket" },
        { "/api/tickets/{ticketId}", "patch", "UpdateTicket" },
        { "/api/sla/{subjectId}", "get", "GetSlaClocks" },
        { "/api/sla/policies", "get", "ListSlaPolicies" },
        { "/api/sla/policies", "post", "SaveSlaPolicy" },
        { "/api/sla/policies/{policyId}", "get", "GetSlaPolicy" },
        { "/api/sla/policies/{policyId}", "put", "PutSlaPolicy" },
        { "/api/sla/policies/{policyId}/versions", "get", "ListSlaPolicyVersions" },
        { "/api/sla/calendars", "get", "ListSlaCalendars" },
        { "/api/sla/calendars", "post", "SaveSlaCalendar" },
        { "/api/sla/calendars/{calendarId}", "get", "GetSlaCalendar" },
        { "/api/sla/calendars/{calendarId}", "put", "PutSlaCalendar" },
        { "/api/sla/calendars/{calendarId}/versions", "get", "ListSlaCalendarVersions" },
        { "/api/tickets/{ticketId}/flag", "post", "FlagTicket" },
        { "/api/users/{id}/skills", "put", "SetUserSkills" },
        { "/api/escalations", "post", "CreateEscalation" },
        { "/api/escalations", "get", "ListEscalations" },
        { "/api/escalations/{id}", "get", "GetEscalation" },
        { "/api/escalations/{id}/flag", "post", "FlagEscalation" },
        { "/api/escalations/{id}/elevate", "post", "ElevateEscalation" },
        { "/api/escalations/{id}/client", "get", "GetEscalationForClient" },
        { "/api/escalations/{id}/client/confirm", "post", "ConfirmEscalationResolution" },
        { "/api/escalations/{id}/client/reject", "post", "RejectEscalationResolution" },
        { "/api/live", "get", "StreamLiveChanges" },
    };

    [Fact]
    public async Task The_document_lists_exactly_the_api_operations_with_names_summaries_and_typed_responses()
    {
        var document = await server.Client.GetObjectAsync("/openapi/v1.json");

        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("EscalationFlows API", document["info"]!["title"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        var listed = paths.SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch").Select(o => (p.Key, o.Key))).ToHashSet();
        Assert.Equal(Operations.Select(o => ((string)o.Data.Item1, (string)o.Data.Item2)).ToHashSet(), listed);
        Assert.DoesNotContain(paths, p => !p.Key.StartsWith("/api/", StringComparison.Ordinal));

        foreach (var row in Operations)
        {
            var (path, method, name) = row.Data;
            var operation = paths[path]![method]!;
            Assert.Equal(name, operation["operationId"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            Assert.NotEmpty(operation["tags"]!.AsArray());
            var success = operation["responses"]!.AsObject().First(r => r.Key.StartsWith('2'));
            if (success.Key != "204")
            {
                Assert.NotNull(success.Value!["content"]);
            }
        }

        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var schema in new[] { "DefinitionVersionResponse", "WorkflowRunResponse", "InstanceDetailsResponse", "ApiProblem", "ApiError", "DefinitionDiff", "ActivityDescriptor", "WorkflowDefinition" })
        {
            Assert.True(schemas.ContainsKey(schema), $"No schema {schema}; have {string.Join(", ", schemas.Select(s => s.Key))}");
        }

        var saveProblems = paths["/api/workflow-definitions"]!["post"]!["responses"]!["422"]!["content"]!["application/problem+json"];
        Assert.NotNull(saveProblems);
        Assert.NotNull(paths["/api/live"]!["get"]!["responses"]!["200"]!["content"]!["text/event-stream"]);
    }

    [Fact]
    public async Task Closed_sets_of_strings_are_enums_and_a_version_response_holds_a_workflow_definition()
    {
        var schemas = (await server.Client.GetObjectAsync("/openapi/v1.json"))["components"]!["schemas"]!;

        Assert.Equal(["literal", "javascript", "template", "variable", "input"], Enum(schemas["ExpressionDefinition"]!["properties"]!["type"]!));
        Assert.Equal(["draft", "published", "retracted"], Enum(schemas["DefinitionVersionResponse"]!["properties"]!["status"]!));
        Assert.Equal(["open", "completed", "cancelled"], Enum(schemas["TaskDetailsResponse"]!["properties"]!["status"]!));
        Assert.Contains("escalation-manager", Enum(schemas["CurrentUserResponse"]!["properties"]!["roles"]!["items"]!));
        Assert.Equal(["ready", "ping", "instance", "task", "escalation"], Enum(schemas["LiveChangeMessage"]!["properties"]!["type"]!));
        Assert.Equal("#/components/schemas/WorkflowDefinition", schemas["DefinitionVersionResponse"]!["properties"]!["definition"]!["$ref"]!.GetValue<string>());
        Assert.Equal("number", schemas["Connection"]!["properties"]!["vertices"]!["items"]!["properties"]!["x"]!["type"]!.GetValue<string>());

        static string[] Enum(System.Text.Json.Nodes.JsonNode schema) => [.. schema["enum"]!.AsArray().Select(v => v!.GetValue<string>())];
    }

    [Fact]
    public async Task The_api_reference_is_browsable_at_scalar()
    {
        var response = await server.Client.GetAsync("/scalar", ApiCalls.Token);
        var html = await response.Content.ReadAsStringAsync(ApiCalls.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("EscalationFlows API", html, StringComparison.Ordinal);
    }
}
