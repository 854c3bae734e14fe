using System.Text;
using System.Text.RegularExpressions;

namespace EscalationFlows.Escalations.Context;

/// <summary>Lower-case word tokens for salience scoring: letters and digits, at least three characters, no stop words.</summary>
internal static partial class TextTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "yours", "all", "any", "can", "had", "has", "have", "her", "his", "him", "our",
        "ours", "out", "was", "were", "who", "whom", "why", "how", "what", "when", "where", "which", "this", "that", "these", "those", "then",
        "than", "them", "they", "their", "there", "here", "with", "from", "into", "onto", "about", "after", "again", "also", "been", "being",
        "both", "did", "does", "doing", "done", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same", "too", "very",
        "will", "would", "could", "should", "shall", "may", "might", "must", "just", "now", "its", "it's", "let", "get", "got", "she", "one",
        "over", "under", "upon", "via", "per", "please", "thanks", "thank", "regards", "kind", "best", "hello", "dear", "team", "hi", "yes",
        "still", "while", "because", "before", "between", "during", "through", "above", "below", "off", "way", "well", "much", "many",
    };

    /// <summary>The tokens of <paramref name="text"/> in order (repeats kept).</summary>
    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        foreach (Match match in WordPattern().Matches(text))
        {
            var word = match.Value.ToLowerInvariant();
            if (word.Length >= 3 && !StopWords.Contains(word))
            {
                tokens.Add(word);
            }
        }

        return tokens;
    }

    /// <summary>Whitespace (newlines included) collapsed to single spaces, trimmed.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}_'’-]*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WordPattern();
}
