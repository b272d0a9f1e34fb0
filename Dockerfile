# The crinkwatch image: Airflow 3.3 (the official image, with the Celery and Postgres providers)
# plus the crinkwatch package and its DAGs. docker-compose.yml runs every Airflow component
# from it.
ARG AIRFLOW_VERSION=3.3.2
ARG PYTHON_VERSION=3.11
FROM apache/airflow:${AIRFLOW_VERSION}-python${PYTHON_VERSION}

ARG AIRFLOW_VERSION
ENV CRINKWATCH_HOME=/opt/crinkwatch \
    AIRFLOW__CORE__DAGS_FOLDER=/opt/crinkwatch/dags \
    AIRFLOW__CORE__LOAD_EXAMPLES=False \
    CRINKWATCH_DATA_DIR=/data \
    CRINKWATCH_DB=/warehouse/warehouse.duckdb \
    PIP_NO_CACHE_DIR=1

USER root
RUN mkdir -p /opt/crinkwatch /data /warehouse \
 && chown -R airflow:root /opt/crinkwatch /data /warehouse
USER airflow
WORKDIR /opt/crinkwatch

# Dependencies first, so a code change does not reinstall them. Pinning apache-airflow to the
# base image's version keeps pip from swapping Airflow underneath the image.
COPY --chown=airflow:root pyproject.toml README.md ./
COPY --chown=airflow:root pipeline/__init__.py pipeline/__init__.py
RUN pip install --no-cache-dir -e . "apache-airflow==${AIRFLOW_VERSION}"

# The package is installed editable from here, so sql/ and expectations/ sit next to it.
COPY --chown=airflow:root pipeline pipeline
COPY --chown=airflow:root sql sql
COPY --chown=airflow:root expectations expectations
COPY --chown=airflow:root dags dags
COPY --chown=airflow:root scripts scripts

RUN python -c "import pipeline.tasks, pipeline.fanout, pipeline.adhoc" \
 && python -m airflow version
