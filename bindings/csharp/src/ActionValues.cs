// An action of any kind, as the library's discovery calls describe it: the kind found by name,
// its fields by name, and one double per field in field order (enum fields by value name). Build
// one at setup and apply it as often as you like: Sim.Apply(ActionValues) allocates nothing.
//
//   var epinephrine = new ActionValues("drug").Set("drug", "epinephrine").Set("dose", 1).Set("unit", "mg");
//   sim.Apply(epinephrine);
//
// Fields left unset are NaN, which the library reads as the field's default; a required field
// left unset is refused when applied. Range checks are the library's, on Apply: the exception's
// message names the field, the value and the valid range.
using System;

namespace Resus
{
    public sealed class ActionValues
    {
        public int Kind { get; }
        public string KindName { get; }

        public int FieldCount { get; }

        // One value per field in field order, what Sim.Apply hands to the library; never empty, so
        // a kind without fields still passes a valid pointer.
        internal double[] Storage { get; }

        public double this[int fieldIndex] => Storage[CheckedIndex(fieldIndex)];

        public ActionValues(string kindName)
        {
            if (kindName == null) throw new ArgumentNullException(nameof(kindName));
            int kind;
            Errors.Check(NativeMethods.resus_action_find(kindName, out kind), "resus_action_find");
            Kind = kind;
            KindName = kindName;
            FieldCount = NativeMethods.resus_action_field_count(kind);
            Storage = new double[Math.Max(1, FieldCount)];
            Clear();
        }

        // Every field back to its default.
        public ActionValues Clear()
        {
            for (int i = 0; i < Storage.Length; ++i) Storage[i] = double.NaN;
            return this;
        }

        // A field's index by name, for Set(int, double) in a hot path.
        public int FieldIndex(string field)
        {
            if (field == null) throw new ArgumentNullException(nameof(field));
            int index;
            Errors.Check(NativeMethods.resus_action_field_find(Kind, field, out index), "resus_action_field_find");
            return index;
        }

        public ActionValues Set(int fieldIndex, double value)
        {
            Storage[CheckedIndex(fieldIndex)] = value;
            return this;
        }

        private int CheckedIndex(int fieldIndex)
        {
            if (fieldIndex < 0 || fieldIndex >= FieldCount)
                throw new ArgumentOutOfRangeException(nameof(fieldIndex), fieldIndex, KindName + " has " + FieldCount + " fields");
            return fieldIndex;
        }

        public ActionValues Set(string field, double value) { return Set(FieldIndex(field), value); }

        public ActionValues Set(string field, bool value) { return Set(FieldIndex(field), value ? 1.0 : 0.0); }

        // An enum field by one of its value names ("epinephrine", "vf_coarse", "tracheal_tube").
        public ActionValues Set(string field, string choice)
        {
            if (choice == null) throw new ArgumentNullException(nameof(choice));
            int index = FieldIndex(field);
            return Set(index, EnumValue(index, field, choice));
        }

        // A field's name, for listing a kind's fields in a UI.
        public string FieldName(int fieldIndex)
        {
            IntPtr name, unit;
            FieldType type;
            double min, max, defaultValue;
            Errors.Check(NativeMethods.resus_action_field_info(Kind, CheckedIndex(fieldIndex), out name, out unit, out type,
                                                               out min, out max, out defaultValue),
                         "resus_action_field_info");
            return Utf8.Decode(name);
        }

        // An enum field's value names, by value (empty for a field of another type).
        public string[] Choices(int fieldIndex)
        {
            CheckedIndex(fieldIndex);
            int count = 0;
            while (NativeMethods.resus_action_field_enum_name(Kind, fieldIndex, count) != IntPtr.Zero) ++count;
            var names = new string[count];
            for (int i = 0; i < count; ++i) names[i] = Utf8.Decode(NativeMethods.resus_action_field_enum_name(Kind, fieldIndex, i));
            return names;
        }

        private double EnumValue(int index, string field, string choice)
        {
            string[] choices = Choices(index);
            int value = Array.IndexOf(choices, choice);
            if (value >= 0) return value;
            string message = choices.Length == 0
                ? field + " is not an enum field; set it with a number"
                : field + " = \"" + choice + "\" is not a known value; valid values are " + string.Join(", ", choices);
            throw new ResusException(ResusStatus.UnknownName, KindName, message);
        }
    }
}
