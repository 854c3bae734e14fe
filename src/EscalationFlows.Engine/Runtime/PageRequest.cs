namespace EscalationFlows.Engine.Runtime;

/// <summary>A 1-based page number and a page size.</summary>
public sealed record PageRequest
{
    public const int MaxPageSize = 500;

    public PageRequest(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        Page = page;
        PageSize = pageSize;
    }

    public int Page { get; }

    public int PageSize { get; }

    /// <summary>How many matches come before this page.</summary>
    public int Skip => (Page - 1) * PageSize;
}
