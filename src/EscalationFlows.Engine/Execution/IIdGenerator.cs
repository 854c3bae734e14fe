namespace EscalationFlows.Engine.Execution;

/// <summary>Makes ids for instances, bookmarks, incidents and outbox messages.</summary>
public interface IIdGenerator
{
    string NewId();
}
