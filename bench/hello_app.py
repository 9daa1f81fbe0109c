"""Hello-world Streamlit app: the benchmark's baseline (same streamlit binary, same config, no data)."""

import streamlit as st

st.title("Hello, world")
st.write("Baseline page for the Wallimage dashboard benchmark.")
