using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>A bookmark row: active until consumed or cancelled; kept afterwards so a late resume gets a clear 409.</summary>
public sealed record StoredBookmark(Bookmark Bookmark, BookmarkState State);
