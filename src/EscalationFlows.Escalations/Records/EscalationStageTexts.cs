namespace EscalationFlows.Escalations.Records;

/// <summary>What each stage means, in words a client understands (the client page and messages use them).</summary>
public static class EscalationStageTexts
{
    public static string ForClient(string stage) => stage switch
    {
        EscalationStages.Triage => "We have received your escalation and an escalation manager is reviewing it.",
        EscalationStages.Assignment => "We are assigning a specialist team to your escalation.",
        EscalationStages.Investigation => "A specialist is investigating the problem.",
        EscalationStages.Resolution => "We are putting a fix in place.",
        EscalationStages.AwaitingClient => "We believe the problem is resolved and are waiting for you to confirm.",
        EscalationStages.Closure => "The problem is resolved; we are closing the escalation.",
        EscalationStages.Closed => "The escalation is closed.",
        EscalationStages.ReturnedToHandler => "Your usual support contact keeps handling your request.",
        _ => "We are working on your escalation.",
    };
}
