using System.Text.RegularExpressions;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Splits an entry's text into sentences: at line breaks and after sentence punctuation followed by a space. Each
/// sentence is whitespace-normalised and stripped of list bullets, so it stays a verbatim piece of the entry's
/// normalised text (the extractive summary quotes, it never rewrites what was said). Sentences of the same line
/// joined with one space are verbatim too.
/// </summary>
internal static partial class SentenceSplitter
{
    public static List<(int Line, string Text)> Split(string text)
    {
        var sentences = new List<(int, string)>();
        var lines = text.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            var normalized = TextTokens.Normalize(lines[line]);
            var first = true;
            foreach (var part in SentenceEnd().Split(normalized))
            {
                // Bullets only start a line; trimming one inside would break the verbatim join of neighbours.
                var sentence = (first ? part.TrimStart('-', '*', '•', '>', ' ') : part).TrimEnd();
                first = false;
                if (sentence.Length > 0)
                {
                    sentences.Add((line, sentence));
                }
            }
        }

        return sentences;
    }

    [GeneratedRegex(@"(?<=[.!?。！？])\s+(?=\S)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SentenceEnd();
}
