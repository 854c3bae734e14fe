using System.Globalization;
using Jint.Runtime;

namespace EscalationFlows.Engine.Expressions;

/// <summary>Gives JavaScript's <c>Date.now()</c> and <c>new Date()</c> the engine's clock; dates are in UTC.</summary>
internal sealed class ClockTimeSystem : ITimeSystem
{
    private readonly TimeProvider _clock;
    private readonly DefaultTimeSystem _inner = new(TimeZoneInfo.Utc, CultureInfo.InvariantCulture);

    public ClockTimeSystem(TimeProvider clock)
    {
        _clock = clock;
    }

    public TimeZoneInfo DefaultTimeZone => _inner.DefaultTimeZone;

    public DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public bool TryParse(string date, out long epochMilliseconds) => _inner.TryParse(date, out epochMilliseconds);

    public TimeSpan GetUtcOffset(long epochMilliseconds) => _inner.GetUtcOffset(epochMilliseconds);
}
