namespace EscalationFlows.Escalations.Activities;

/// <summary>The default texts of the messages the escalation activities send.</summary>
public static class MessageTemplates
{
    public const string GuidanceSubject = "{{ escalation.number }} not escalated: guidance for {{ escalation.title }}";

    public const string GuidanceBody = """
        Hello,

        The escalation request "{{ escalation.title }}" ({{ escalation.number }}) for {{ escalation.client }} was not escalated.
        {{ data.summary }}

        Please keep working the ticket{{ if escalation.externalTicketId }} ({{ escalation.externalTicketId }}){{ end }}. If the situation changes
        (the client asks for an escalation, the priority rises, or you need more authority), flag it again with the reason.
        """;

    public const string ConfirmationSubject = "{{ escalation.number }}: is your problem resolved?";

    public const string ConfirmationBody = """
        Dear {{ escalation.clientContact ?? escalation.client }},

        We believe your escalation "{{ escalation.title }}" ({{ escalation.number }}) is resolved:
        {{ escalation.resolutionDetails }}

        Please confirm, or tell us it is not resolved, here:
        {{ link.url }}

        If we do not hear from you by {{ link.autoCloseAt }}, we will close the escalation.
        """;

    public const string ReminderSubject = "Reminder: {{ escalation.number }} — is your problem resolved?";

    public const string ReminderBody = """
        Dear {{ escalation.clientContact ?? escalation.client }},

        We are still waiting for your confirmation that "{{ escalation.title }}" ({{ escalation.number }}) is resolved.
        Please answer here: {{ link.url }}

        Without an answer we will close the escalation on {{ link.autoCloseAt }}.
        """;

    public const string ElevationSubject = "{{ escalation.number }} elevated to {{ escalation.elevation }}: {{ escalation.title }}";

    public const string ElevationBody = """
        {{ escalation.number }} for {{ escalation.client }} ({{ escalation.tier }}) was elevated to {{ escalation.elevation }}.
        Reason: {{ data.reason }}
        Priority: P{{ escalation.priority }} {{ escalation.severity }}; team: {{ escalation.team }}; owner: {{ escalation.owner }}.
        """;

    public const string NotifySubject = "{{ escalation.number }}: {{ escalation.title }}";

    public const string NotifyBody = """
        {{ escalation.number }} for {{ escalation.client }}: {{ escalation.title }}
        Stage: {{ escalation.stage }} — {{ escalation.stageText }}
        Owner: {{ escalation.owner }}; team: {{ escalation.team }}
        """;
}
