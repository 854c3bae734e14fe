using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Server.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EscalationFlows.Server.Http;

/// <summary>
/// Reads JSON request bodies with the limits enforced while reading: at most <c>Limits:MaxRequestBodyBytes</c>
/// bytes whatever Content-Length says (or when it is absent), strict UTF-8, and at most
/// <see cref="WorkflowJson.MaxDepth"/> levels of nesting. Nothing in a body can name a CLR type.
/// </summary>
public sealed class JsonRequestReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ServerLimitsOptions _limits;
    private readonly JsonSerializerOptions _serializer;

    public JsonRequestReader(IOptions<ServerLimitsOptions> limits, IOptions<JsonOptions> json)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(json);
        _limits = limits.Value;
        _serializer = json.Value.SerializerOptions;
    }

    /// <summary>The body as text; empty when there is none.</summary>
    /// <exception cref="ApiRequestException">413 when too large, 415 when not JSON, 400 when not UTF-8.</exception>
    public async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(request.ContentType) && !IsJson(request.ContentType))
        {
            throw new ApiRequestException(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType,
                $"The body must be JSON (Content-Type: application/json), not '{request.ContentType}'.");
        }

        var limit = _limits.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var span = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(span, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                throw TooLarge(limit);
            }
        }

        try
        {
            var bytes = buffer.WrittenSpan;
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidEncoding, "The body is not valid UTF-8 text.");
        }
    }

    /// <summary>The body parsed as a JSON node, or null when the body is empty and <paramref name="allowEmpty"/> is set.</summary>
    public async Task<JsonNode?> ReadNodeAsync(HttpRequest request, bool allowEmpty, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return allowEmpty
                ? null
                : throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.Required, "The request needs a JSON body.",
                    [ApiError.At(string.Empty, ApiErrorCodes.Required, "The request needs a JSON body.")]);
        }

        return Parse(text);
    }

    /// <summary>The body bound to <typeparamref name="T"/> (a request record); a new one when the body is empty and allowed.</summary>
    public async Task<T> ReadAsync<T>(HttpRequest request, bool allowEmpty, CancellationToken cancellationToken)
        where T : class, new()
    {
        var node = await ReadNodeAsync(request, allowEmpty, cancellationToken);
        if (node is null)
        {
            return new T();
        }

        if (node is not JsonObject)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidType, "The body must be a JSON object.",
                [ApiError.At(string.Empty, ApiErrorCodes.InvalidType, "The body must be a JSON object.")]);
        }

        try
        {
            return node.Deserialize<T>(_serializer) ?? new T();
        }
        catch (JsonException ex)
        {
            var pointer = ToPointer(ex.Path);
            var message = $"The value at '{(pointer.Length == 0 ? "/" : pointer)}' has the wrong type.";
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidType, message,
                [ApiError.At(pointer, ApiErrorCodes.InvalidType, message)]);
        }
    }

    /// <summary>Parses JSON text with the depth limit; malformed or too deep text is a 400 naming the position.</summary>
    public static JsonNode Parse(string text)
    {
        try
        {
            return WorkflowJson.ParseNode(text)
                ?? throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidType, "The body is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            var message = Explain(ex);
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, message,
                [ApiError.At(string.Empty, ApiErrorCodes.InvalidJson, message)]);
        }
    }

    /// <summary>A sentence naming the line and position of a JSON syntax error, without parser internals.</summary>
    public static string Explain(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : string.Empty;
        // "The maximum configured depth of 64 has been exceeded"; "Expected depth to be zero ..." is truncated input.
        return exception.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? $"The body is nested deeper than {WorkflowJson.MaxDepth} levels{where}."
            : $"The body is not valid JSON{where}.";
    }

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.HasValue
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value!.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static ApiRequestException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.BodyTooLarge, $"The body is larger than the limit of {limit} bytes (Limits:MaxRequestBodyBytes).");

    private static string ToPointer(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath)
            ? string.Empty
            : jsonPath.TrimStart('$').Replace("['", "/", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal)
                .Replace("[", "/", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Replace(".", "/", StringComparison.Ordinal);
}
