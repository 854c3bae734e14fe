using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EscalationFlows.Persistence.Providers;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> on SQLite as its UTC ticks (INTEGER): exact, and comparable and sortable in
/// SQL, which SQLite's text form of DateTimeOffset is not. Values read back are in UTC.
/// </summary>
internal sealed class UtcTicksConverter : ValueConverter<DateTimeOffset, long>
{
    public UtcTicksConverter()
        : base(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
    {
    }
}
