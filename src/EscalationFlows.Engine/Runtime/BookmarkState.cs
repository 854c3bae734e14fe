namespace EscalationFlows.Engine.Runtime;

public enum BookmarkState
{
    Active,
    Consumed,
    Cancelled,
}
