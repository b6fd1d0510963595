using System;
using System.Collections.Generic;

namespace PgGuard.Analyzers.Config
{
    /// <summary>
    /// One configuration key path (<c>ConnectionStrings:Default</c>) as a node of a tree shared by every value of a file.
    /// Keys compare case-insensitively, as in Microsoft.Extensions.Configuration, so <c>Default</c> and <c>DEFAULT</c>
    /// share a node. The path string is built only when asked for: a hostile file with one huge key above many values
    /// would otherwise cost the product of both sizes.
    /// </summary>
    internal sealed class JsonConfigPath
    {
        private Dictionary<string, JsonConfigPath>? _children;
        private string? _path;

        private JsonConfigPath(JsonConfigPath? parent, string key)
        {
            Parent = parent;
            Key = key;
        }

        public JsonConfigPath? Parent { get; }

        /// <summary>The last segment: a property name, or an array index.</summary>
        public string Key { get; }

        /// <summary>The value in effect at this path (the last one written), or null when that is not a string.</summary>
        public JsonConfigValue? Value { get; set; }

        /// <summary>The full path, segments joined by <c>:</c>; empty for the root.</summary>
        public string Path
        {
            get
            {
                if (_path is null)
                {
                    _path = Parent is null ? string.Empty
                        : Parent.Parent is null ? Key
                        : Parent.Path + ":" + Key;
                }

                return _path;
            }
        }

        /// <summary>The first segment under the root (the top-level section), or empty for the root itself.</summary>
        public string Section
        {
            get
            {
                var node = this;
                while (node.Parent?.Parent is not null)
                {
                    node = node.Parent;
                }

                return node.Key;
            }
        }

        public static JsonConfigPath CreateRoot() => new JsonConfigPath(null, string.Empty);

        public JsonConfigPath GetOrAddChild(string key)
        {
            _children ??= new Dictionary<string, JsonConfigPath>(StringComparer.OrdinalIgnoreCase);
            if (!_children.TryGetValue(key, out var child))
            {
                child = new JsonConfigPath(this, key);
                _children.Add(key, child);
            }

            return child;
        }

        public JsonConfigPath? FindChild(string key)
        {
            return _children is not null && _children.TryGetValue(key, out var child) ? child : null;
        }
    }
}
