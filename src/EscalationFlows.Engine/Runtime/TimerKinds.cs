namespace EscalationFlows.Engine.Runtime;

public static class TimerKinds
{
    /// <summary>Resumes the bookmark whose id is the timer id.</summary>
    public const string Bookmark = "bookmark";
}
