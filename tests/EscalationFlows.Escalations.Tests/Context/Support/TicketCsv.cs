using System.Text;

namespace EscalationFlows.Escalations.Tests.Context.Support;

/// <summary>
/// Reads the IT service-desk tickets of /work/shared/data/it-ticket-assignment/input_data.csv (RFC 4180: quoted fields
/// may hold commas, quotes and line breaks). The file is never copied into the repository.
/// </summary>
public static class TicketCsv
{
    public const string Path = "/work/shared/data/it-ticket-assignment/input_data.csv";

    /// <summary>The rows (short description, description, caller, group) or null when the file is absent.</summary>
    public static IReadOnlyList<TicketRow>? TryLoad()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        var records = Parse(File.ReadAllText(Path, Encoding.UTF8));
        return [.. records.Skip(1).Where(r => r.Count >= 4).Select(r => new TicketRow(r[0], r[1], r[2], r[3]))];
    }

    private static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
