namespace EscalationFlows.Engine.Activities.BuiltIn;

public enum JoinMode
{
    /// <summary>Waits for every inbound branch that can still deliver a token.</summary>
    WaitAll,

    /// <summary>The first arrival wins; the other branches, their bookmarks and timers are cancelled.</summary>
    WaitAny,
}
