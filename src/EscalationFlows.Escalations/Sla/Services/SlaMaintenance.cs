using EscalationFlows.Escalations.Sla.Storage;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Escalations.Sla.Services;

/// <summary>
/// Startup and after-change work: seeds the shipped calendars and policy into an empty database, and brings every open
/// clock to the latest version of its policy and calendar in batches (one transaction each). Running it again after a
/// crash in the middle finishes the job: a clock is outdated exactly while its stored versions lag behind.
/// </summary>
public sealed partial class SlaMaintenance
{
    private readonly ISlaStore _store;
    private readonly SlaClockService _service;
    private readonly TimeProvider _clock;
    private readonly ILogger<SlaMaintenance> _logger;

    public SlaMaintenance(ISlaStore store, SlaClockService service, TimeProvider clock, ILogger<SlaMaintenance> logger)
    {
        _store = store;
        _service = service;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Seeds the defaults when absent, then recomputes outdated clocks.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var seeded = await _store.ExecuteAsync(async (session, ct) =>
        {
            var added = new List<string>();
            var now = _clock.GetUtcNow();
            foreach (var calendar in new[] { SlaDefaults.BusinessHoursCalendar(_service.Options.DefaultTimeZone), SlaDefaults.TwentyFourSevenCalendar(_service.Options.DefaultTimeZone) })
            {
                if (await session.GetCalendarAsync(calendar.Id, null, ct) is null)
                {
                    await SlaConfigurationService.SaveCalendarAsync(session, calendar, now, ct);
                    added.Add($"calendar {calendar.Id}");
                }
            }

            if (await session.GetPolicyAsync(SlaDefaults.Policy.Id, null, ct) is null)
            {
                await SlaConfigurationService.SavePolicyAsync(session, SlaDefaults.Policy, now, ct);
                added.Add($"policy {SlaDefaults.Policy.Id}");
            }

            return added;
        }, cancellationToken);
        if (seeded.Count > 0)
        {
            LogSeeded(_logger, string.Join(", ", seeded), _service.Options.DefaultTimeZone);
        }

        await RecomputeOutdatedAsync(cancellationToken);
    }

    /// <summary>Recomputes every outdated open clock; returns how many were updated.</summary>
    public async Task<int> RecomputeOutdatedAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var count = await _store.ExecuteAsync((session, ct) => _service.RecomputeOutdatedAsync(session, _clock.GetUtcNow(), ct), cancellationToken);
            total += count;
            if (count == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogRecomputed(_logger, total);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA defaults seeded: {What} (time zone {TimeZone})")]
    private static partial void LogSeeded(ILogger logger, string what, string timeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} open SLA clocks moved to the latest version of their policy or calendar")]
    private static partial void LogRecomputed(ILogger logger, int count);
}
