using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EscalationFlows.Persistence.Providers;

/// <summary>
/// Normalises every <see cref="DateTimeOffset"/> to UTC before it is written to PostgreSQL (<c>timestamptz</c>, which
/// Npgsql only accepts with offset zero). Values read back are in UTC.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : ValueConverter<DateTimeOffset, DateTimeOffset>
{
    public UtcDateTimeOffsetConverter()
        : base(v => v.ToUniversalTime(), v => v.ToUniversalTime())
    {
    }
}
